using System.Net;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>Admins moderate what is posted; drafts and the list of creators stay the creators' own.</summary>
public sealed class AdminLimitsTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task An_admin_cannot_open_edit_post_or_delete_another_users_draft_chapter()
    {
        await archive.CreateUserAsync("drafter");
        await archive.CreateUserAsync("moderator", isAdmin: true);
        using var author = await archive.LoggedInAsync("drafter");
        var workId = await author.PostWorkAsync("Half Written");
        using (var draft = await (await author.PageAsync($"/works/{workId}/chapters/new")).Form("Save as draft")
            .Set("Chapter.Body", "A chapter nobody else should read yet.").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        }
        var authorsEditPage = await author.PageAsync($"/works/{workId}/edit");
        var chapterLinks = authorsEditPage.Links.Select(l => l.AbsolutePath).Where(p => p.EndsWith("/edit", StringComparison.Ordinal) && p.Contains("/chapters/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, chapterLinks.Count);
        var (postedChapterEdit, draftChapterEdit) = (chapterLinks[0], chapterLinks[1]);

        using var admin = await archive.LoggedInAsync("moderator");
        var adminsEditPage = await admin.PageAsync($"/works/{workId}/edit");
        Assert.DoesNotContain(adminsEditPage.Links, l => l.AbsolutePath == draftChapterEdit);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(draftChapterEdit)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(draftChapterEdit.Replace("/edit", "/delete", StringComparison.Ordinal))).Status);
        // The posted chapter is still the admin's to moderate.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(postedChapterEdit)).Status);

        using var guest = archive.Guest();
        var (_, work) = await guest.GetAsync($"/works/{workId}");
        Assert.DoesNotContain("nobody else should read", work, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admins_edit_keeps_the_creators_and_pending_invitations_as_they_were()
    {
        await archive.CreateUserAsync("leadauthor");
        await archive.CreateUserAsync("invitedauthor");
        await archive.CreateUserAsync("overseer", isAdmin: true);
        using var lead = await archive.LoggedInAsync("leadauthor");
        var workId = await PostWithInvitationAsync(lead, "Two Pens", "invitedauthor");

        using var admin = await archive.LoggedInAsync("overseer");
        var form = (await admin.PageAsync($"/works/{workId}/edit")).Form("Save changes");
        Assert.DoesNotContain(form.Fields, f => f.Key is "Work.CoCreators" or "Work.PseudId");
        using (var saved = await form.Set("Work.Title", "Two Pens (retitled by a moderator)").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var invited = await archive.LoggedInAsync("invitedauthor");
        var invitations = await invited.PageAsync("/account/creatorships");
        Assert.Contains("Two Pens (retitled by a moderator)", invitations.Html, StringComparison.Ordinal);
        var work = await archive.Guest().GetAsync($"/works/{workId}");
        Assert.Contains("/users/leadauthor/", work.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("/users/overseer/", work.Body, StringComparison.Ordinal);
        var leadsForm = (await lead.PageAsync($"/works/{workId}/edit")).Form("Save changes");
        Assert.Equal("invitedauthor (invitedauthor)", leadsForm.Value("Work.CoCreators"));
    }

    private static async Task<int> PostWithInvitationAsync(WebClient client, string title, string coCreator)
    {
        using var response = await (await client.PageAsync("/works/new")).Form("Post")
            .Set("Work.Title", title).Set("Work.RatingId", "2").Check("Work.WarningIds", "14").Set("Work.Fandoms", "Duets")
            .Set("Work.CoCreators", coCreator).Set("Chapter.Body", "Two hands, one story, told twice.").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
