using System.Net;
using Makimono.Tags;
using Makimono.Tags.StarterSets;

namespace Makimono.Tests.Web.Crawling;

/// <summary>
/// A small archive with one of everything a person meets: posted, draft, restricted and multi-chapter works, a series,
/// wrangled and unwrangled tags, a co-creator who accepted and invitations still open, and a wrangler of a fandom.
/// Built through the pages' own forms, as people would build it, except the starter tags (the `tags load` verb's job).
/// </summary>
internal static class CrawlSeed
{
    public const string Fandom = "Naruto";

    public static async Task RunAsync(ArchiveFactory archive)
    {
        foreach (var name in new[] { "reader", "creator", "cocreator", "wrangler" })
        {
            await archive.CreateUserAsync(name);
        }
        await archive.CreateUserAsync("admin", isAdmin: true);
        await LoadTagsAsync(archive);
        // The reader follows the creator before anything is posted, so the reader's inbox has news to mark read.
        await Makimono.Inbox.InboxWorker.RunPassAsync(archive.Services, CancellationToken.None);
        using (var follower = await archive.LoggedInAsync("reader"))
        using (var follow = await follower.SubmitFormAsync("/users/creator", "Subscribe to creator"))
        {
            Assert.Equal(HttpStatusCode.Redirect, follow.StatusCode);
        }

        using var creator = await archive.LoggedInAsync("creator");
        var posted = await PostAsync(creator, "The Gate at Dawn", series: "Village Days", coCreators: "cocreator",
            relationships: "Kakashi x Iruka", characters: "Kakashi H., Umino Iruka", freeforms: "Hurt/Comfort");
        // Two names of one character, neither canonical yet: the duplicates page offers to make one canonical.
        await PostAsync(creator, "Second in the Series", series: "Village Days", coCreators: "cocreator", characters: "Haruno Sakura, Sakura H.");
        await PostAsync(creator, "Invitation Pending", coCreators: "cocreator");
        await creator.PostWorkAsync("A Draft Not Yet Posted", fandom: Fandom, draft: true);
        await creator.PostWorkAsync("Only for Members", fandom: Fandom, restricted: true);
        await AddChapterAsync(creator, posted, "Kakashi came back the next morning.");
        await AddChapterAsync(creator, posted, "Iruka had already left.");

        // An app password, so the account page shows one to revoke.
        using (var appPassword = await creator.SubmitFormAsync("/account", "Create app password", [new("AppPasswordLabel", "Crawler e-reader")]))
        {
            Assert.Equal(HttpStatusCode.OK, appPassword.StatusCode);
        }

        using var cocreator = await archive.LoggedInAsync("cocreator");
        using (var accept = await cocreator.SubmitFormAsync("/account/creatorships", "Accept", near: "The Gate at Dawn"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        }

        // The reader has a saved search, a muted user and a blocked tag, so the pages that list them have their buttons.
        using var reader = await archive.LoggedInAsync("reader");
        using (var save = await (await reader.PageAsync("/works/search?q=gate")).Form("Save search").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        }
        using (var mute = await reader.SubmitFormAsync("/users/wrangler", "Mute wrangler"))
        {
            Assert.Equal(HttpStatusCode.Redirect, mute.StatusCode);
        }
        using (var block = await reader.SubmitFormAsync("/filters", "Block tag", [new("TagName", "Hurt/Comfort")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, block.StatusCode);
        }
        // And blocks a user, so the blocked users page has an Unblock button.
        using (var blockUser = await reader.SubmitFormAsync("/users/wrangler", "Block wrangler"))
        {
            Assert.Equal(HttpStatusCode.Redirect, blockUser.StatusCode);
        }

        // The reader has a bookmark of a work and of the series, a work marked for later and a chapter read, so the
        // bookmark, history and marked-for-later pages have their entries and buttons.
        var seriesLink = (await reader.PageAsync($"/works/{posted}")).Document.QuerySelectorAll("a").First(a => a.TextContent == "Village Days");
        var second = await reader.PageAsync(seriesLink.GetAttribute("href")!);
        using (var bookmarkSeries = await second.Form("Bookmark").Set("Input.Note", "The whole series.").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, bookmarkSeries.StatusCode);
        }
        var secondWork = second.Document.QuerySelectorAll("li.blurb h3 a").First(a => a.TextContent == "Second in the Series").GetAttribute("href")!;
        using (var bookmark = await reader.SubmitFormAsync(secondWork, "Bookmark", [new("Input.Tags", "to reread"), new("Input.Note", "Sakura!")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, bookmark.StatusCode);
        }
        using (var later = await reader.SubmitFormAsync(secondWork, "Mark for later"))
        {
            Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        }
        await reader.PageAsync($"/works/{posted}");
        // A thread on the first work (the reader's comment, its creator's reply) and a comment held on a moderated work
        // open to guests, so every comment button is shown to someone.
        var open = await PostAsync(creator, "Open Door", whoMayComment: "Everyone", moderated: true);
        using (var comment = await reader.SubmitFormAsync($"/works/{posted}", "Post comment", [new("Comment.Body", "Kakashi waiting at the gate got me.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);
        }
        using (var held = await reader.SubmitFormAsync($"/works/{open}", "Post comment", [new("Comment.Body", "Please let me in.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        }
        var replyLink = (await creator.PageAsync($"/works/{posted}")).Document.QuerySelector("a[href*='reply_to']")!.GetAttribute("href")!;
        using (var reply = await creator.SubmitFormAsync(replyLink, "Post reply", [new("Comment.Body", "He always waits.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        }

        await Makimono.Inbox.InboxWorker.RunPassAsync(archive.Services, CancellationToken.None);

        using var admin = await archive.LoggedInAsync("admin");
        using var assign = await admin.SubmitFormAsync("/admin", "Assign", [new("userName", "wrangler"), new("fandomName", Fandom)]);
        Assert.True((int)assign.StatusCode is 200 or 302, $"assigning the wrangler gave {(int)assign.StatusCode}");
    }

    private static async Task LoadTagsAsync(ArchiveFactory archive)
    {
        List<StarterTag> starters =
        [
            new(TagType.Fandom, Fandom, ["NARUTO (Anime)"], [], 1, Media.AnimeManga),
            new(TagType.Character, "Hatake Kakashi", ["Kakashi Hatake"], [Fandom], 2),
            new(TagType.Character, "Umino Iruka", [], [Fandom], 3),
            new(TagType.Relationship, "Hatake Kakashi/Umino Iruka", [], [Fandom, "Hatake Kakashi"], 4),
        ];
        var (_, errors) = await archive.WithDbAsync(db => LoadStarterTags.RunAsync(db, TimeProvider.System, starters));
        Assert.Empty(errors);
    }

    private static async Task<int> PostAsync(WebClient creator, string title, string? series = null, string? coCreators = null,
        string? relationships = null, string? characters = null, string? freeforms = null, string? whoMayComment = null, bool moderated = false)
    {
        var form = (await creator.PageAsync("/works/new")).Form("Post")
            .Set("Work.Title", title).Set("Work.RatingId", "2").Check("Work.WarningIds", "14").Set("Work.Fandoms", Fandom)
            .Set("Work.Summary", $"The summary of {title}.").Set("Chapter.Body", "Kakashi waited at the gate. Iruka did not come.");
        foreach (var (name, value) in new[]
        {
            ("Work.SeriesTitles", series), ("Work.CoCreators", coCreators), ("Work.Relationships", relationships),
            ("Work.Characters", characters), ("Work.Freeforms", freeforms),
        })
        {
            if (value is not null)
            {
                form.Set(name, value);
            }
        }
        if (whoMayComment is not null)
        {
            form.Check("Work.WhoMayComment", whoMayComment);
        }
        if (moderated)
        {
            form.Check("Work.ModeratesComments");
        }
        using var response = await form.SubmitAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"posting {title} failed: {await response.Content.ReadAsStringAsync()}");
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task AddChapterAsync(WebClient creator, int workId, string body)
    {
        using var response = await creator.SubmitFormAsync($"/works/{workId}/chapters/new", "Post chapter", [new("Chapter.Body", body)]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"adding a chapter failed: {await response.Content.ReadAsStringAsync()}");
    }
}
