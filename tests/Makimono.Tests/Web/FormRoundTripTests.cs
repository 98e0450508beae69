using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>A form shown again shows what the author typed, and saving it unchanged changes nothing.</summary>
public sealed class FormRoundTripTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    private const string Summary = "Two lines\nof summary & more.\n\nA second paragraph.";
    private const string Notes = "A plain note.";
    private const string EndNotes = "<b>Bold</b> at the end.";

    [Fact]
    public async Task Editing_a_work_shows_summary_and_notes_as_typed_and_saving_unchanged_keeps_them()
    {
        await archive.CreateUserAsync("roundtripper");
        using var author = await archive.LoggedInAsync("roundtripper");
        var form = (await author.PageAsync("/works/new")).Form("Post")
            .Set("Work.Title", "Round Trip").Set("Work.RatingId", "2").Check("Work.WarningIds", "14").Set("Work.Fandoms", "Trip Fandom")
            .Set("Work.Summary", Summary).Set("Work.Notes", Notes).Set("Work.EndNotes", EndNotes).Set("Chapter.Body", "The story.");
        using var posted = await form.SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var id = int.Parse(posted.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var stored = await StoredAsync(id);

        var edit = (await author.PageAsync($"/works/{id}/edit")).Form("Save changes");
        Assert.Equal(Summary, edit.Value("Work.Summary"));
        Assert.Equal(Notes, edit.Value("Work.Notes"));
        Assert.Equal(EndNotes, edit.Value("Work.EndNotes"));

        using var saved = await edit.SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(stored, await StoredAsync(id));
        var again = (await author.PageAsync($"/works/{id}/edit")).Form("Save changes");
        Assert.Equal(Summary, again.Value("Work.Summary"));
    }

    [Fact]
    public async Task Text_sent_with_a_browsers_CR_LF_comes_back_after_applying_suggestions_as_typed()
    {
        await archive.CreateUserAsync("crlfwriter");
        using var author = await archive.LoggedInAsync("crlfwriter");
        // Browsers send a textarea's line breaks as CR LF.
        const string body = "Mira said hello.\r\nMira laughed.\r\n\r\n\"Come on,\" Mira said, and Tobin said no.\r\nTobin waved. Tobin left.";
        const string summary = "First line\r\nsecond line";
        var suggested = await (await author.PageAsync("/works/new")).Form("Suggest tags from the text")
            .Set("Work.Title", "Line Endings").Set("Work.Fandoms", "Ending Fandom").Set("Work.Summary", summary).Set("Chapter.Body", body)
            .SubmitAsync();
        var page = new HtmlPage(author, new Uri(author.Http.BaseAddress!, "/works/new"), await suggested.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, suggested.StatusCode);
        Assert.DoesNotContain("&#xD;", page.Html);

        var applied = await page.Form("Apply ticked suggestions").SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var after = new HtmlPage(author, page.Address, await applied.Content.ReadAsStringAsync());
        Assert.DoesNotContain("&#xD;", after.Html);
        var form = after.Form("Post");
        Assert.Equal(body.Replace("\r\n", "\n", StringComparison.Ordinal), form.Value("Chapter.Body"));
        Assert.Equal(summary.Replace("\r\n", "\n", StringComparison.Ordinal), form.Value("Work.Summary"));
    }

    private Task<(string? Summary, string? Notes, string? EndNotes)> StoredAsync(int id) =>
        archive.WithDbAsync(db => db.Works.Where(w => w.Id == id).Select(w => ValueTuple.Create(w.Summary, w.Notes, w.EndNotes)).SingleAsync());
}
