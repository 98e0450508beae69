using System.Globalization;
using System.Net;
using Makimono.Accounts;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>
/// Forms as served, with a choice (select, radio or checkbox) or a date sent as a value the page never offered: the
/// form is refused with a message beside that field and everything typed comes back; nothing is saved with the field's
/// default in its place.
/// </summary>
public sealed class TamperedChoiceTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    private const string NotOffered = "is not one of the choices offered. Choose from the list.";

    public static TheoryData<string, string, string> WorkFields => new()
    {
        { "Work.RatingId", "abc", $"\u201Cabc\u201D {NotOffered}" },
        { "Work.RatingId", "", "Choose one of the choices offered." },
        { "Work.WarningIds", "abc", $"\u201Cabc\u201D {NotOffered}" },
        { "Work.CategoryIds", "none", $"\u201Cnone\u201D {NotOffered}" },
        { "Work.WhoMayComment", "Aliens", $"\u201CAliens\u201D {NotOffered}" },
        { "Work.WhoMayComment", "7", $"\u201C7\u201D {NotOffered}" },
        { "Work.PublishedOn", "yesterday", "\u201Cyesterday\u201D is not a date. Write it as year-month-day" },
        { "Work.PublishedOn", "2026-02-30", "\u201C2026-02-30\u201D is not a date." },
    };

    [Theory]
    [MemberData(nameof(WorkFields))]
    public async Task A_work_posted_with_a_value_the_form_never_offered_is_refused_beside_the_field_with_everything_kept(
        string field, string value, string message)
    {
        var name = "choice" + Math.Abs((field + value).GetHashCode(StringComparison.Ordinal)) % 100000;
        await archive.CreateUserAsync(name);
        using var author = await archive.LoggedInAsync(name);
        var title = $"Offered Only {name}";
        var form = (await author.PageAsync("/works/new")).Form("Post")
            .Set("Work.Title", title).Set("Work.RatingId", "2").Check("Work.WarningIds", "14").Set("Work.Fandoms", "Original Work")
            .Set("Chapter.Body", "The lantern kept its promise all night.");

        using var refused = await PostWithAsync(author, form, field, value);

        var page = await RefusedPageAsync(author, refused, "/works/new");
        Assert.Contains(message, FieldError(page, field), StringComparison.Ordinal);
        Assert.Equal(title, page.Form("Post").Value("Work.Title"));
        Assert.Contains("The lantern kept its promise all night.", page.Form("Post").Value("Chapter.Body"), StringComparison.Ordinal);
        Assert.Equal(0, await archive.WithDbAsync(db => db.Works.CountAsync(w => w.Title == title)));
    }

    [Fact]
    public async Task An_edit_with_a_value_the_form_never_offered_changes_nothing_and_says_so_beside_the_field()
    {
        await archive.CreateUserAsync("choiceeditor");
        using var author = await archive.LoggedInAsync("choiceeditor");
        var id = await author.PostWorkAsync("Edited Choices");
        var workPage = await author.PageAsync($"/works/{id}");
        var editAddress = workPage.Links.Single(l => l.AbsolutePath == $"/works/{id}/edit");
        var form = (await author.PageAsync(editAddress.PathAndQuery)).Form("Save changes").Set("Work.Title", "Edited Choices Again");

        using var refused = await PostWithAsync(author, form, "Work.WhoMayComment", "Aliens");

        var page = await RefusedPageAsync(author, refused, editAddress.PathAndQuery);
        Assert.Contains($"\u201CAliens\u201D {NotOffered}", FieldError(page, "Work.WhoMayComment"), StringComparison.Ordinal);
        Assert.Equal("Edited Choices Again", page.Form("Save changes").Value("Work.Title"));
        Assert.Equal("Edited Choices", await archive.WithDbAsync(db => db.Works.Where(w => w.Id == id).Select(w => w.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_sign_up_mode_the_admin_page_never_offered_is_refused_and_sign_up_stays_as_it_was()
    {
        await archive.CreateUserAsync("choiceadmin", isAdmin: true);
        using var admin = await archive.LoggedInAsync("choiceadmin");
        using (var closed = await (await admin.PageAsync("/admin")).Form("Save", near: "Who can create an account")
            .Check("mode", nameof(SignUpMode.Closed)).SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        }

        var form = (await admin.PageAsync("/admin")).Form("Save", near: "Who can create an account");
        using var refused = await PostWithAsync(admin, form, "mode", "Shut");

        var page = await RefusedPageAsync(admin, refused, "/admin");
        Assert.Contains($"\u201CShut\u201D {NotOffered}", FieldError(page, "mode"), StringComparison.Ordinal);
        Assert.Equal(SignUpMode.Closed, await archive.WithDbAsync(db => SiteSettings.GetSignUpModeAsync(db)));
    }

    [Fact]
    public async Task A_mass_wrangling_action_the_queue_never_offered_is_refused_and_the_ticked_tags_are_not_changed()
    {
        await archive.CreateUserAsync("choicewrangler", isAdmin: true);
        using var admin = await archive.LoggedInAsync("choicewrangler");
        await admin.PostWorkAsync("Choice Wrangled", fandom: "Choice Fandom", characters: "Choice Zeta");
        var tagId = await archive.WithDbAsync(db => db.Tags.Where(t => t.Name == "Choice Zeta").Select(t => t.Id).SingleAsync());
        var form = (await admin.PageAsync("/tags/unwrangled")).Form("Apply to ticked tags")
            .Check("tagIds", tagId.ToString(CultureInfo.InvariantCulture)).Set("otherName", "Typed Target");

        using var refused = await PostWithAsync(admin, form, "action", "Obliterate");

        var page = await RefusedPageAsync(admin, refused, "/tags/unwrangled");
        Assert.Contains($"\u201CObliterate\u201D {NotOffered}", FieldError(page, "action"), StringComparison.Ordinal);
        Assert.Equal("Typed Target", page.Form("Apply to ticked tags").Value("otherName"));
        Assert.False(await archive.WithDbAsync(db => db.Tags.Where(t => t.Id == tagId).Select(t => t.IsCanonical).SingleAsync()));
        Assert.Equal(0, await archive.WithDbAsync(db => db.WranglingLog.CountAsync(e => e.TagId == tagId)));
    }

    [Fact]
    public async Task A_comment_or_bookmark_signed_with_a_pseud_the_form_never_offered_is_refused_with_the_text_kept()
    {
        await archive.CreateUserAsync("choicereader");
        using var reader = await archive.LoggedInAsync("choicereader");
        // With a second pseud the forms offer a choice of pseud, beside which the error is shown.
        using (var added = await reader.SubmitFormAsync("/account/pseuds", "Add pseud", [new("NewPseud", "Choice Second")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        var id = await reader.PostWorkAsync("Choice Commented");
        var workPage = await reader.PageAsync($"/works/{id}");

        using var comment = await PostWithAsync(reader, workPage.Form("Post comment").Set("Comment.Body", "Typed comment that stays."), "Comment.PseudId", "me");
        var commentPage = await RefusedPageAsync(reader, comment, $"/works/{id}");
        Assert.Contains($"\u201Cme\u201D {NotOffered}", FieldError(commentPage, "Comment.PseudId"), StringComparison.Ordinal);
        Assert.Contains("Typed comment that stays.", commentPage.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);

        using var bookmark = await PostWithAsync(reader, workPage.Form("Bookmark").Set("Input.Note", "Typed note that stays."), "Input.PseudId", "me");
        var bookmarkPage = await RefusedPageAsync(reader, bookmark, $"/works/{id}");
        Assert.Contains($"\u201Cme\u201D {NotOffered}", FieldError(bookmarkPage, "Input.PseudId"), StringComparison.Ordinal);
        Assert.Contains("Typed note that stays.", bookmarkPage.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);

        Assert.Equal(0, await archive.WithDbAsync(db => db.Comments.CountAsync(c => c.Chapter.WorkId == id)));
        Assert.Equal(0, await archive.WithDbAsync(db => db.Bookmarks.CountAsync(b => b.WorkId == id)));
    }

    /// <summary>Sends the served form as a hand-edited copy would: every field as served, but <paramref name="field"/> only as <paramref name="value"/>.</summary>
    private static Task<HttpResponseMessage> PostWithAsync(WebClient client, HtmlForm form, string field, string value)
    {
        var fields = form.Fields.Where(f => f.Key != field).Append(new(field, value)).ToList();
        return client.Http.PostAsync(form.Action, new FormUrlEncodedContent(fields));
    }

    private static async Task<HtmlPage> RefusedPageAsync(WebClient client, HttpResponseMessage response, string path)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected the form back, got {(int)response.StatusCode} {response.Headers.Location}");
        return new HtmlPage(client, new Uri(client.Http.BaseAddress!, path), html);
    }

    /// <summary>The message shown beside the field, where the page puts each field's error.</summary>
    private static string FieldError(HtmlPage page, string field) =>
        page.Document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? $"(no error beside {field})";
}
