using System.Net;
using Makimono.Accounts;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

public sealed class WranglingPageTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task A_wrangler_of_the_fandom_makes_canonical_merges_and_adds_a_parent_through_the_forms()
    {
        var admin = await archive.CreateUserAsync("wrangleadmin", isAdmin: true);
        var wrangler = await archive.CreateUserAsync("iruka");
        await archive.CreateUserAsync("outsider");
        using var author = await archive.LoggedInAsync("wrangleadmin");
        await author.PostWorkAsync("Full Name Fic", fandom: "Leaf Village", characters: "Hatake Kakashi");
        await author.PostWorkAsync("Short Name Fic", fandom: "Leaf Village", characters: "Kakashi");
        await archive.WithDbAsync(async db =>
        {
            var fandom = await db.Tags.SingleAsync(t => t.Name == "Leaf Village");
            return (await MakeCanonical.RunAsync(db, TimeProvider.System, new Viewer(admin.Id, true), fandom.Id)).Succeeded;
        });
        using (var assign = await author.SubmitFormAsync("/admin", "Assign", [new("userName", "IRUKA"), new("fandomName", "leaf village")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);
        }
        Assert.Contains("<td>iruka</td>", (await author.GetAsync("/admin")).Body);

        using var outsider = await archive.LoggedInAsync("outsider");
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync("/tags/Kakashi/wrangle")).Status);
        using var client = await archive.LoggedInAsync("iruka");
        using (var noToken = await client.WithoutTokenAsync((await client.PageAsync("/tags/Hatake%20Kakashi/wrangle")).Form("Make canonical")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        var (_, queue) = await client.GetAsync("/tags/unwrangled");
        Assert.Contains("<a href=\"/tags/Kakashi/wrangle\">Kakashi</a>", queue);
        await PostAsync(client, "/tags/Hatake%20Kakashi/wrangle", "Make canonical", []);
        await PostAsync(client, "/tags/Kakashi/wrangle", "Merge", [new("canonicalName", "hatake kakashi")]);
        await PostAsync(client, "/tags/Hatake%20Kakashi/wrangle", "Add parent", [new("parentName", "Leaf Village")]);
        using (var refused = await client.SubmitFormAsync("/tags/Hatake%20Kakashi/wrangle", "Add parent", [new("parentName", "Nowhere")]))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("There is no tag called &quot;Nowhere&quot;.", await refused.Content.ReadAsStringAsync());
        }

        var (_, page) = await archive.Guest().GetAsync(TagUrl.WorksPath("Hatake Kakashi"));
        Assert.Contains("Full Name Fic", page);
        Assert.Contains("Short Name Fic", page);
        Assert.Contains(">Leaf Village</a>", page);
        var (_, wranglePage) = await client.GetAsync("/tags/Hatake%20Kakashi/wrangle");
        Assert.Contains("AddParent", wranglePage);
        Assert.Contains("MakeCanonical", wranglePage);
    }

    [Fact]
    public async Task Meta_tags_rename_and_undo_work_through_the_forms_and_a_cycle_is_explained()
    {
        await archive.CreateUserAsync("metaadmin", isAdmin: true);
        using var client = await archive.LoggedInAsync("metaadmin");
        await client.PostWorkAsync("Coffee Fic", fandom: "Meta Form Fandom");
        await client.PostWorkAsync("Modern Fic", fandom: "Meta Form Fandom AU");
        await PostAsync(client, "/tags/Meta%20Form%20Fandom/wrangle", "Make canonical", []);
        await PostAsync(client, "/tags/Meta%20Form%20Fandom%20AU/wrangle", "Make canonical", []);

        await PostAsync(client, "/tags/Meta%20Form%20Fandom/wrangle", "Add meta tag", [new("metaName", "Meta Form Fandom AU")]);
        using (var cycle = await client.SubmitFormAsync("/tags/Meta%20Form%20Fandom%20AU/wrangle", "Add meta tag", [new("metaName", "Meta Form Fandom")]))
        {
            Assert.Contains("would make a cycle", await cycle.Content.ReadAsStringAsync());
        }
        await PostAsync(client, "/tags/Meta%20Form%20Fandom%20AU/wrangle", "Rename", [new("newName", "Meta Form Universe")]);

        var (_, meta) = await archive.Guest().GetAsync(TagUrl.WorksPath("Meta Form Universe"));
        Assert.Contains("Coffee Fic", meta);
        Assert.Contains("Modern Fic", meta);

        // The newest change is listed first, with its own Undo button.
        var wrangle = await client.PageAsync("/tags/Meta%20Form%20Fandom/wrangle");
        var undo = wrangle.Forms.First(f => HtmlPage.SubmitButtons(f.Element).Any(b => HtmlPage.ButtonLabel(b) == "Undo"));
        using (var undone = await undo.SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        }
        Assert.DoesNotContain("Coffee Fic", (await archive.Guest().GetAsync(TagUrl.WorksPath("Meta Form Universe"))).Body);
    }

    private static async Task PostAsync(WebClient client, string path, string button, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var response = await client.SubmitFormAsync(path, button, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{button} failed: {await response.Content.ReadAsStringAsync()}");
    }
}
