using System.Net;
using Makimono.Accounts;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

public sealed class WranglingSuggestionPageTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    private const string Duplicates = "/tags/wrangle/duplicates?fandom=Hidden%20Leaf";

    [Fact]
    public async Task Only_the_fandoms_wranglers_see_its_possible_duplicates_and_a_merge_from_there_joins_the_works()
    {
        await archive.CreateUserAsync("dupadmin", isAdmin: true);
        var wrangler = await archive.CreateUserAsync("dupwrangler");
        var otherWrangler = await archive.CreateUserAsync("sandwrangler");
        await archive.CreateUserAsync("dupreader");
        using var author = await archive.LoggedInAsync("dupadmin");
        await author.PostWorkAsync("Canon Name Fic", fandom: "Hidden Leaf", characters: "Hatake Kakashi");
        await author.PostWorkAsync("Short Name Fic", fandom: "Hidden Leaf", characters: "Kakashi, Hatake Kakashi");
        await author.PostWorkAsync("Reversed Name Fic", fandom: "Hidden Leaf", characters: "Kakashi Hatake");
        await author.PostWorkAsync("Desert Fic", fandom: "Hidden Sand", characters: "Gaara");
        await MakeCanonicalAndAssignAsync("Hidden Leaf", wrangler, "Hatake Kakashi");
        await MakeCanonicalAndAssignAsync("Hidden Sand", otherWrangler);

        Assert.Equal(HttpStatusCode.Forbidden, (await archive.Guest().GetAsync(Duplicates)).Status);
        using var reader = await archive.LoggedInAsync("dupreader");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(Duplicates)).Status);
        using var outsider = await archive.LoggedInAsync("sandwrangler");
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync(Duplicates)).Status);
        using var client = await archive.LoggedInAsync("dupwrangler");
        const string Merge = "Merge Kakashi into Hatake Kakashi";
        // The fandom's wrangler's button, copied by a wrangler of another fandom with her own token, is refused.
        using (var refused = await outsider.ReplayAsync((await client.PageAsync(Duplicates)).Form(Merge)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var (_, unwrangled) = await client.GetAsync("/tags/unwrangled");
        Assert.Contains($"href=\"{Duplicates}\"", unwrangled);
        Assert.DoesNotContain("Hidden%20Sand", unwrangled);
        var (status, page) = await client.GetAsync(Duplicates);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(">Hatake Kakashi</a></h2>", page);
        Assert.Contains("<td>kakashi, hatake</td>", page);
        Assert.Contains("aria-label=\"Merge Kakashi into Hatake Kakashi\"", page);
        Assert.DoesNotContain("Gaara", page);
        using (var noToken = await client.WithoutTokenAsync((await client.PageAsync(Duplicates)).Form(Merge)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        using (var merged = await client.SubmitFormAsync(Duplicates, Merge))
        {
            Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        }

        var (_, works) = await archive.Guest().GetAsync(TagUrl.WorksPath("Hatake Kakashi"));
        Assert.Contains("Canon Name Fic", works);
        Assert.Contains("Short Name Fic", works);
        var (_, after) = await client.GetAsync(Duplicates);
        Assert.DoesNotContain("Merge Kakashi into", after);
        Assert.Contains("Merge Kakashi Hatake into Hatake Kakashi", after);
    }

    [Fact]
    public async Task A_posted_pairing_shows_a_suggested_merge_into_the_canonical_relationship_with_its_reason()
    {
        var admin = await archive.CreateUserAsync("pairadmin", isAdmin: true);
        using var client = await archive.LoggedInAsync("pairadmin");
        await client.PostWorkAsync("Setup Fic", fandom: "Pair Village", characters: "Aburame Shino, Inuzuka Kiba");
        using (var posted = await client.SubmitFormAsync("/works/new", "Post",
        [
            new("Work.Title", "Pairing Fic"), new("Work.RatingId", "2"), new("Work.WarningIds", "14"), new("Work.Fandoms", "Pair Village"),
            new("Work.Relationships", "Kiba x Shino, Aburame Shino/Inuzuka Kiba"), new("Chapter.Body", "They met at the gate."),
        ]))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }
        await archive.WithDbAsync(async db =>
        {
            var viewer = new Viewer(admin.Id, true);
            var fandom = await db.Tags.SingleAsync(t => t.Name == "Pair Village");
            foreach (var name in new[] { "Pair Village", "Aburame Shino", "Inuzuka Kiba", "Aburame Shino/Inuzuka Kiba" })
            {
                var tag = await db.Tags.SingleAsync(t => t.Name == name);
                Succeeded(await MakeCanonical.RunAsync(db, TimeProvider.System, viewer, tag.Id));
                if (tag.Id != fandom.Id)
                {
                    Succeeded(await ParentTags.AddAsync(db, TimeProvider.System, viewer, tag.Id, fandom.Id));
                }
            }
            return true;
        });

        const string Wrangle = "/tags/Kiba%20x%20Shino/wrangle";
        var (_, page) = await client.GetAsync(Wrangle);
        Assert.Contains("Suggested merge", page);
        Assert.Contains("&quot;Kiba&quot; is part of the name Inuzuka Kiba", page);
        Assert.Contains("<input type=\"hidden\" name=\"canonicalName\" value=\"Aburame Shino/Inuzuka Kiba\">", page);

        using (var merged = await client.SubmitFormAsync(Wrangle, "Merge into Aburame Shino/Inuzuka Kiba"))
        {
            Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        }
        var (_, after) = await client.GetAsync(Wrangle);
        Assert.Contains("a synonym of Aburame Shino/Inuzuka Kiba", after);
        Assert.DoesNotContain("Suggested merge", after);
    }

    [Fact]
    public async Task Suggest_tags_on_the_posting_form_names_the_fandoms_canonical_character_and_saves_nothing()
    {
        var admin = await archive.CreateUserAsync("suggestauthor", isAdmin: true);
        using var client = await archive.LoggedInAsync("suggestauthor");
        await client.PostWorkAsync("Seed Fic", fandom: "Mist Harbour", characters: "Umino Iruka");
        await MakeCanonicalAndAssignAsync("Mist Harbour", admin, "Umino Iruka");
        var before = await archive.WithDbAsync(db => db.Works.CountAsync());
        const string Body = "Iruka graded papers at the desk. Mira watched from the door.\n\n"
            + "\"Late again,\" Iruka said. Mira laughed, and Iruka sighed.\n\nLater Mira said goodnight, and Iruka smiled at Mira.";

        using var response = await client.SubmitFormAsync("/works/new", "Suggest tags from the text",
        [
            new("Work.Title", "Unsaved"), new("Work.RatingId", "2"), new("Work.WarningIds", "14"), new("Work.Fandoms", "Mist Harbour"),
            new("Chapter.Body", Body),
        ]);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Suggestions from the text", page);
        Assert.Contains("value=\"Umino Iruka\"> Umino Iruka (from &quot;Iruka&quot;", page);
        Assert.Contains("value=\"Mira\"> Mira (new character", page);
        Assert.Contains("value=\"Unsaved\"", page);
        Assert.Equal(before, await archive.WithDbAsync(db => db.Works.CountAsync()));

        // Ticking the mapped character adds the archive's canonical name, not the name as written.
        using var applied = await (await client.PageOfAsync(response)).Form("Apply ticked suggestions")
            .Check("AcceptCharacters", "Umino Iruka").SubmitAsync();
        var appliedPage = await applied.Content.ReadAsStringAsync();
        Assert.Contains("value=\"Umino Iruka\"", appliedPage);
        Assert.Contains("Umino Iruka (from &quot;Iruka&quot;, ", appliedPage);
        Assert.Contains(": in Characters</p>", appliedPage);
        Assert.Contains("value=\"Mira\"> Mira (new character", appliedPage);
        Assert.Equal(before, await archive.WithDbAsync(db => db.Works.CountAsync()));
    }

    private Task<bool> MakeCanonicalAndAssignAsync(string fandomName, User wrangler, params string[] canonicalCharacters) =>
        archive.WithDbAsync(async db =>
        {
            var admin = new Viewer(await db.Users.Where(u => u.IsAdmin).Select(u => u.Id).FirstAsync(), true);
            var fandom = await db.Tags.SingleAsync(t => t.Name == fandomName);
            Succeeded(await MakeCanonical.RunAsync(db, TimeProvider.System, admin, fandom.Id));
            Assert.Null(await WranglerAssignments.AssignAsync(db, admin, wrangler.Id, fandom.Id));
            foreach (var name in canonicalCharacters)
            {
                var tag = await db.Tags.SingleAsync(t => t.Name == name);
                Succeeded(await MakeCanonical.RunAsync(db, TimeProvider.System, admin, tag.Id));
                Succeeded(await ParentTags.AddAsync(db, TimeProvider.System, admin, tag.Id, fandom.Id));
            }
            return true;
        });

    private static void Succeeded(WranglingResult result) => Assert.True(result.Succeeded, result.Error);
}
