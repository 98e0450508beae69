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
        using (var assign = await author.SubmitAsync("/admin", [new("userName", "IRUKA"), new("fandomName", "leaf village")], "/admin?handler=AssignWrangler"))
        {
            Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);
        }
        Assert.Contains("<td>iruka</td>", (await author.GetAsync("/admin")).Body);

        using var outsider = await archive.LoggedInAsync("outsider");
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync("/tags/Kakashi/wrangle")).Status);
        using var client = await archive.LoggedInAsync("iruka");
        using (var noToken = await client.Http.PostAsync(new Uri("/tags/Hatake%20Kakashi/wrangle?handler=MakeCanonical", UriKind.Relative), new FormUrlEncodedContent([])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        var (_, queue) = await client.GetAsync("/tags/unwrangled");
        Assert.Contains("<a href=\"/tags/Kakashi/wrangle\">Kakashi</a>", queue);
        await PostAsync(client, "/tags/Hatake%20Kakashi/wrangle", "MakeCanonical", []);
        await PostAsync(client, "/tags/Kakashi/wrangle", "Merge", [new("canonicalName", "hatake kakashi")]);
        await PostAsync(client, "/tags/Hatake%20Kakashi/wrangle", "AddParent", [new("parentName", "Leaf Village")]);
        using (var refused = await client.SubmitAsync("/tags/Hatake%20Kakashi/wrangle", [new("parentName", "Nowhere")], "/tags/Hatake%20Kakashi/wrangle?handler=AddParent"))
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
        await PostAsync(client, "/tags/Meta%20Form%20Fandom/wrangle", "MakeCanonical", []);
        await PostAsync(client, "/tags/Meta%20Form%20Fandom%20AU/wrangle", "MakeCanonical", []);

        await PostAsync(client, "/tags/Meta%20Form%20Fandom/wrangle", "AddMetaTag", [new("metaName", "Meta Form Fandom AU")]);
        using (var cycle = await client.SubmitAsync("/tags/Meta%20Form%20Fandom%20AU/wrangle", [new("metaName", "Meta Form Fandom")], "/tags/Meta%20Form%20Fandom%20AU/wrangle?handler=AddMetaTag"))
        {
            Assert.Contains("would make a cycle", await cycle.Content.ReadAsStringAsync());
        }
        await PostAsync(client, "/tags/Meta%20Form%20Fandom%20AU/wrangle", "Rename", [new("newName", "Meta Form Universe")]);

        var (_, meta) = await archive.Guest().GetAsync(TagUrl.WorksPath("Meta Form Universe"));
        Assert.Contains("Coffee Fic", meta);
        Assert.Contains("Modern Fic", meta);

        var (_, wrangle) = await client.GetAsync("/tags/Meta%20Form%20Fandom/wrangle");
        var undo = System.Text.RegularExpressions.Regex.Match(wrangle, "name=\"entryId\" value=\"(\\d+)\"");
        Assert.True(undo.Success, "the newest change has an undo button");
        await PostAsync(client, "/tags/Meta%20Form%20Fandom/wrangle", "Undo", [new("entryId", undo.Groups[1].Value)]);
        Assert.DoesNotContain("Coffee Fic", (await archive.Guest().GetAsync(TagUrl.WorksPath("Meta Form Universe"))).Body);
    }

    private static async Task PostAsync(WebClient client, string path, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var response = await client.SubmitAsync(path, fields, $"{path}?handler={handler}");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler} failed: {await response.Content.ReadAsStringAsync()}");
    }
}
