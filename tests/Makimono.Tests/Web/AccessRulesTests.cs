using System.Net;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>Every access rule, checked through HTTP as a guest, another user, an admin and the creator.</summary>
public sealed class AccessRulesTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task Drafts_are_visible_only_to_their_creators()
    {
        await archive.CreateUserAsync("draftwriter");
        await archive.CreateUserAsync("draftreader");
        await archive.CreateUserAsync("draftadmin", isAdmin: true);
        using var creator = await archive.LoggedInAsync("draftwriter");
        var id = await creator.PostWorkAsync("Unfinished Draft", draft: true);

        Assert.Equal(HttpStatusCode.OK, (await creator.GetAsync($"/works/{id}")).Status);
        using var guest = archive.Guest();
        using var other = await archive.LoggedInAsync("draftreader");
        using var admin = await archive.LoggedInAsync("draftadmin");
        foreach (var client in new[] { guest, other, admin })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/works/{id}")).Status);
            Assert.DoesNotContain("Unfinished Draft", (await client.GetAsync("/")).Body);
            Assert.DoesNotContain("Unfinished Draft", (await client.GetAsync("/users/draftwriter")).Body);
        }
    }

    [Fact]
    public async Task Restricted_works_are_visible_only_to_logged_in_users()
    {
        await archive.CreateUserAsync("lockwriter");
        await archive.CreateUserAsync("lockreader");
        using var creator = await archive.LoggedInAsync("lockwriter");
        var id = await creator.PostWorkAsync("Members Only Story", fandom: "Lockfandom", restricted: true);

        using var guest = archive.Guest();
        // Asked to log in (LoginToReadTests), and shown nothing of the work meanwhile.
        var (status, body) = await guest.GetAsync($"/works/{id}");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.DoesNotContain("Members Only Story", body);
        Assert.DoesNotContain("Members Only Story", (await guest.GetAsync("/tags/Lockfandom/works")).Body);
        Assert.DoesNotContain("Members Only Story", (await guest.GetAsync("/")).Body);

        using var reader = await archive.LoggedInAsync("lockreader");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/works/{id}")).Status);
        Assert.Contains("Members Only Story", (await reader.GetAsync("/tags/Lockfandom/works")).Body);
    }

    [Fact]
    public async Task Only_creators_and_admins_may_edit_or_delete_a_work()
    {
        await archive.CreateUserAsync("editowner");
        await archive.CreateUserAsync("editstranger");
        await archive.CreateUserAsync("editadmin", isAdmin: true);
        using var owner = await archive.LoggedInAsync("editowner");
        var id = await owner.PostWorkAsync("Original Title");

        using var stranger = await archive.LoggedInAsync("editstranger");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/works/{id}/edit")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/works/{id}/delete")).Status);
        // The owner's own forms, copied and sent with the stranger's session and token, still fail on the server.
        var ownersEdit = (await owner.PageAsync($"/works/{id}/edit")).Form("Save changes").Set("Work.Title", "Stolen");
        using (var forged = await stranger.ReplayAsync(ownersEdit))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }
        using (var forgedDelete = await stranger.ReplayAsync((await owner.PageAsync($"/works/{id}/delete")).Form("Yes, delete the work")))
        {
            Assert.Equal(HttpStatusCode.NotFound, forgedDelete.StatusCode);
        }
        Assert.Equal("Original Title", await archive.WithDbAsync(db => db.Works.Where(w => w.Id == id).Select(w => w.Title).SingleAsync()));

        using var guest = archive.Guest();
        var guestEdit = await guest.GetAsync($"/works/{id}/edit");
        Assert.NotEqual(HttpStatusCode.OK, guestEdit.Status);

        using var admin = await archive.LoggedInAsync("editadmin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/works/{id}/edit")).Status);
        using (var delete = await admin.SubmitFormAsync($"/works/{id}/delete", "Yes, delete the work"))
        {
            Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        }
        Assert.False(await archive.WithDbAsync(db => db.Works.AnyAsync(w => w.Id == id)));
    }

    [Fact]
    public async Task Hidden_works_are_visible_only_to_creators_and_admins()
    {
        await archive.CreateUserAsync("hideowner");
        await archive.CreateUserAsync("hidereader");
        await archive.CreateUserAsync("hideadmin", isAdmin: true);
        using var owner = await archive.LoggedInAsync("hideowner");
        var id = await owner.PostWorkAsync("Soon Hidden");

        using var reader = await archive.LoggedInAsync("hidereader");
        using var admin = await archive.LoggedInAsync("hideadmin");
        Assert.False((await reader.PageAsync($"/works/{id}")).HasButton("Hide work"));
        // A reader cannot hide a work, even by sending the admin's form with a valid token of her own.
        using (var attempt = await reader.ReplayAsync((await admin.PageAsync($"/works/{id}")).Form("Hide work")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, attempt.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/works/{id}")).Status);

        using (var hide = await admin.SubmitFormAsync($"/works/{id}", "Hide work"))
        {
            Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        }
        using var guest = archive.Guest();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/works/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/works/{id}")).Status);
        Assert.DoesNotContain("Soon Hidden", (await guest.GetAsync("/")).Body);
        Assert.Contains("An admin has hidden this work", (await owner.GetAsync($"/works/{id}")).Body);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/works/{id}")).Status);
    }

    [Fact]
    public async Task Only_creators_add_or_edit_chapters()
    {
        await archive.CreateUserAsync("chapterowner");
        await archive.CreateUserAsync("chapterstranger");
        using var owner = await archive.LoggedInAsync("chapterowner");
        var id = await owner.PostWorkAsync("Chaptered");
        var chapterId = await archive.WithDbAsync(db => db.Chapters.Where(c => c.WorkId == id).Select(c => c.Id).SingleAsync());

        using var stranger = await archive.LoggedInAsync("chapterstranger");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/works/{id}/chapters/new")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/works/{id}/chapters/{chapterId}/edit")).Status);
        var ownersEdit = (await owner.PageAsync($"/works/{id}/chapters/{chapterId}/edit")).Form("Save chapter")
            .Set("Chapter.Body", "Replaced by a stranger entirely.");
        using var forged = await stranger.ReplayAsync(ownersEdit);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        var body = await archive.WithDbAsync(db => db.Chapters.Where(c => c.Id == chapterId).Select(c => c.Body).SingleAsync());
        Assert.DoesNotContain("stranger", body);
    }
}
