using System.Net;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

public sealed class FandomIndexPageTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task A_guest_sees_media_fandoms_and_characters_with_only_the_works_a_guest_may_read()
    {
        await archive.CreateUserAsync("indexadmin", isAdmin: true);
        using var admin = await archive.LoggedInAsync("indexadmin");
        await admin.PostWorkAsync("Open Fic", fandom: "Index Fandom", characters: "Index Hero");
        await admin.PostWorkAsync("Locked Fic", fandom: "Index Fandom", characters: "Index Hero", restricted: true);
        await admin.PostWorkAsync("Draft Fic", fandom: "Index Fandom", characters: "Index Hero", draft: true);
        foreach (var name in new[] { "Index%20Fandom", "Index%20Hero" })
        {
            using var canonical = await admin.SubmitFormAsync($"/tags/{name}/wrangle", "Make canonical");
            Assert.Equal(HttpStatusCode.Redirect, canonical.StatusCode);
        }
        using (var parent = await admin.SubmitFormAsync("/tags/Index%20Hero/wrangle", "Add parent", [new("parentName", "Index Fandom")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, parent.StatusCode);
        }
        using (var media = await admin.SubmitFormAsync("/tags/Index%20Fandom/wrangle", "Save medium", [new("media", "video-games")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, media.StatusCode);
        }
        Assert.Equal(Media.VideoGames, await archive.WithDbAsync(db => db.Tags.Where(t => t.Name == "Index Fandom").Select(t => t.Media).SingleAsync()));

        var guest = archive.Guest();
        var (_, home) = await guest.GetAsync("/");
        Assert.Contains("<a href=\"/media\">Fandoms</a>", home);
        var (_, index) = await guest.GetAsync("/media");
        Assert.Contains("<a href=\"/media/video-games/fandoms\">Video Games</a> (1)", index);
        var (_, games) = await guest.GetAsync("/media/video-games/fandoms");
        Assert.Contains(">Index Fandom</a> (1)", games);
        await archive.CreateUserAsync("indexreader");
        using var reader = await archive.LoggedInAsync("indexreader");
        Assert.Contains(">Index Fandom</a> (2)", (await reader.GetAsync("/media/video-games/fandoms")).Body);
        Assert.Contains(">Index Fandom</a> (3)", (await admin.GetAsync("/media/video-games/fandoms")).Body);
        Assert.DoesNotContain("Index Fandom", (await guest.GetAsync("/media/uncategorized/fandoms")).Body);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync("/media/radio/fandoms")).Status);

        var (_, fandomPage) = await guest.GetAsync(TagUrl.WorksPath("Index Fandom"));
        Assert.Contains(">Index Hero</a> (1)", fandomPage);
        Assert.Contains("listed under <a href=\"/media/video-games/fandoms\">Video Games</a>", fandomPage);
    }
}
