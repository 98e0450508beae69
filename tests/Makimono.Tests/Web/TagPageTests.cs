using System.Net;
using AngleSharp.Dom;
using System.Text.RegularExpressions;
using Makimono.Accounts;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

public sealed partial class TagPageTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task A_synonyms_page_redirects_to_its_canonical_tag_which_lists_both_tags_works_and_its_relations()
    {
        var admin = await archive.CreateUserAsync("tagadmin", isAdmin: true);
        using var client = await archive.LoggedInAsync("tagadmin");
        await client.PostWorkAsync("Canonical Kakashi", fandom: "Redirect Fandom", characters: "Hatake Kakashi");
        await client.PostWorkAsync("Synonym Kakashi", fandom: "Redirect Fandom", characters: "Kakashi");
        await archive.WithDbAsync(async db =>
        {
            var viewer = new Viewer(admin.Id, IsAdmin: true);
            var tags = await db.Tags.Where(t => t.Name == "Hatake Kakashi" || t.Name == "Kakashi" || t.Name == "Redirect Fandom")
                .ToDictionaryAsync(t => t.Name, t => t.Id);
            Assert.True((await MakeCanonical.RunAsync(db, TimeProvider.System, viewer, tags["Hatake Kakashi"])).Succeeded);
            Assert.True((await MakeCanonical.RunAsync(db, TimeProvider.System, viewer, tags["Redirect Fandom"])).Succeeded);
            Assert.True((await MergeTag.RunAsync(db, TimeProvider.System, viewer, tags["Kakashi"], tags["Hatake Kakashi"])).Succeeded);
            Assert.True((await ParentTags.AddAsync(db, TimeProvider.System, viewer, tags["Hatake Kakashi"], tags["Redirect Fandom"])).Succeeded);
            return true;
        });

        using var guest = archive.Guest();
        using (var redirect = await guest.Http.GetAsync(new Uri("/tags/Kakashi/works", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
            Assert.Equal(TagUrl.WorksPath("Hatake Kakashi"), redirect.Headers.Location!.OriginalString);
        }
        var (status, page) = await guest.GetAsync(TagUrl.WorksPath("Hatake Kakashi"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Synonyms", page);
        Assert.Contains("<li>Kakashi</li>", page);
        Assert.Contains($"<a href=\"{TagUrl.WorksPath("Redirect Fandom")}\">Redirect Fandom</a>", page);
        Assert.Contains("Canonical Kakashi", page);
        Assert.Contains("Synonym Kakashi", page);

        var (_, fandomPage) = await guest.GetAsync(TagUrl.WorksPath("Redirect Fandom"));
        // A fandom lists its characters with their works, the synonym's work included.
        Assert.Contains("<h2>Characters</h2>", fandomPage);
        Assert.Contains(">Hatake Kakashi</a> (2)", fandomPage);
    }

    [Fact]
    public async Task A_tag_page_shows_its_works_first_and_wrangling_words_below_them_or_to_wranglers_only()
    {
        await archive.CreateUserAsync("orderadmin", isAdmin: true);
        await archive.CreateUserAsync("orderreader");
        using var admin = await archive.LoggedInAsync("orderadmin");
        await admin.PostWorkAsync("Ordered Fic One", fandom: "Order Fandom", characters: "Order Hero");
        await admin.PostWorkAsync("Ordered Fic Two", fandom: "Order Fandom", characters: "Order Alias");
        // A canonical character whose only work is a draft: readers have no works of it to see.
        await admin.PostWorkAsync("Unposted Draft", fandom: "Order Fandom", characters: "Order Nobody", draft: true);
        foreach (var tag in new[] { "Order Fandom", "Order Hero", "Order Nobody" })
        {
            await PressAsync(admin, tag, "Make canonical");
        }
        await PressAsync(admin, "Order Alias", "Merge", ("canonicalName", "Order Hero"));
        await PressAsync(admin, "Order Hero", "Add parent", ("parentName", "Order Fandom"));
        await PressAsync(admin, "Order Nobody", "Add parent", ("parentName", "Order Fandom"));

        using var reader = await archive.LoggedInAsync("orderreader");
        foreach (var client in new[] { archive.Guest(), reader })
        {
            var hero = await client.PageAsync(TagUrl.WorksPath("Order Hero"));
            var text = hero.Document.Body!.TextContent;
            var firstWork = text.IndexOf("Ordered Fic", StringComparison.Ordinal);
            Assert.True(firstWork >= 0, "the tag page lists no works");
            foreach (var wranglerWord in new[] { "Synonyms", "Parent tags", "Child tags", "Sub tags", "Meta tags" })
            {
                var at = text.IndexOf(wranglerWord, StringComparison.Ordinal);
                Assert.True(at < 0 || at > firstWork, $"\"{wranglerWord}\" comes before the works");
            }
            Assert.DoesNotContain("Wrangle this tag", text);
            Assert.DoesNotContain("canonical", hero.Document.QuerySelector("p.hint")!.TextContent);

            var fandom = await client.PageAsync(TagUrl.WorksPath("Order Fandom"));
            Assert.DoesNotContain("(0)", fandom.Document.Body!.TextContent);
            Assert.DoesNotContain("Order Nobody", fandom.Document.Body!.TextContent);
            Assert.True(fandom.Html.IndexOf("Ordered Fic", StringComparison.Ordinal) < fandom.Html.IndexOf("<h2>Characters</h2>", StringComparison.Ordinal));
        }
        var asWrangler = (await admin.PageAsync(TagUrl.WorksPath("Order Hero"))).Document.Body!.TextContent;
        Assert.Contains("Wrangle this tag", asWrangler);
        Assert.True(asWrangler.IndexOf("Ordered Fic", StringComparison.Ordinal) < asWrangler.IndexOf("Wrangle this tag", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tag_and_fandom_pages_name_each_type_once_without_slips_such_as_tag_tag()
    {
        await archive.CreateUserAsync("slipadmin", isAdmin: true);
        using var admin = await archive.LoggedInAsync("slipadmin");
        var form = (await admin.PageAsync("/works/new")).Form("Post")
            .Set("Work.Title", "Slip Fic").Set("Work.RatingId", "2").Check("Work.WarningIds", "14")
            .Set("Work.Fandoms", "Slip Fandom").Set("Work.Relationships", "Slip A/Slip B").Set("Work.Characters", "Slip A")
            .Set("Work.Freeforms", "Slip Freeform").Set("Chapter.Body", "Words enough for a story.");
        using (var posted = await form.SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }
        await PressAsync(admin, "Slip Fandom", "Make canonical");
        await PressAsync(admin, "Slip Freeform", "Make canonical");

        var pages = new List<string> { "/media", "/media/uncategorized/fandoms", "/media/anime-manga/fandoms", "/tags/unwrangled" };
        foreach (var tag in new[] { "Slip Fandom", "Slip A/Slip B", "Slip A", "Slip Freeform", "General Audiences", "No Archive Warnings Apply" })
        {
            pages.Add(TagUrl.WorksPath(tag));
            pages.Add($"/tags/{TagUrl.ToSegment(tag)}/wrangle");
        }
        foreach (var path in pages)
        {
            var page = await admin.PageAsync(path);
            // Each piece of text on its own: a heading followed by a sentence may well repeat a word.
            foreach (var seen in page.Document.Body!.Descendants<IText>().Select(t => t.Data).Prepend(page.Document.Title!))
            {
                var doubled = DoubledWord().Match(seen);
                Assert.False(doubled.Success, $"{path} says \"{(doubled.Success ? seen.Substring(Math.Max(0, doubled.Index - 60), Math.Min(seen.Length - Math.Max(0, doubled.Index - 60), 120)) : "")}\"");
            }
        }
        Assert.Contains("An additional tag", (await admin.PageAsync(TagUrl.WorksPath("Slip Freeform"))).Document.Body!.TextContent);
        Assert.Equal("Uncategorized Fandoms", (await admin.PageAsync("/media/uncategorized/fandoms")).Document.QuerySelector("h1")!.TextContent);
    }

    /// <summary>Presses a button of a tag's wrangling page, as the admin would.</summary>
    private static async Task PressAsync(WebClient admin, string tag, string button, params (string Name, string Value)[] values)
    {
        var form = (await admin.PageAsync($"/tags/{TagUrl.ToSegment(tag)}/wrangle")).Form(button);
        foreach (var (name, value) in values)
        {
            form.Set(name, value);
        }
        using var response = await form.SubmitAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{button} on {tag}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>"Additional Tag tag", "Fandoms fandoms": a word said twice in a row.</summary>
    [GeneratedRegex(@"\b(\p{L}+)\s+\1\b", RegexOptions.IgnoreCase)]
    private static partial Regex DoubledWord();
}
