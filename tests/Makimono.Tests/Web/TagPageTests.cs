using System.Net;
using Makimono.Accounts;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

public sealed class TagPageTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
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
}
