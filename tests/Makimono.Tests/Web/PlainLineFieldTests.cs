using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>
/// One-line fields refuse control characters and direction overrides (Makimono.Text.PlainLine): the served form comes
/// back with a message naming the problem and holding everything that was typed, and nothing is saved.
/// </summary>
public sealed class PlainLineFieldTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Theory]
    [InlineData("Work.Title", "Bell\u0007Title", "Type the title as plain text")]
    [InlineData("Work.Title", "Two\nLines", "Type the title as plain text")]
    [InlineData("Work.Title", "Evil\u202Etxt.exe", "Type the title as plain text")]
    [InlineData("Chapter.Title", "Escape\u001B[31m", "Type the chapter title as plain text")]
    [InlineData("Work.SeriesTitles", "Tab\tSeries", "Type series titles as plain text")]
    [InlineData("Work.Freeforms", "Form\u000CFeed", "as plain text")]
    public async Task A_control_character_in_a_one_line_field_is_refused_with_the_form_kept(string field, string typed, string message)
    {
        var name = "plain" + Math.Abs(HashCode.Combine(field, typed)) % 1_000_000;
        await archive.CreateUserAsync(name);
        using var client = await archive.LoggedInAsync(name);
        var form = (await client.PageAsync("/works/new")).Form("Post");
        form.Set("Work.Title", "A Fine Title").Set("Work.Summary", "A summary worth keeping").Set("Work.Fandoms", "Plain Fandom")
            .Set("Chapter.Body", "The chapter I wrote tonight.").Check("Work.WarningIds", "14").Set(field, typed);

        using var response = await form.SubmitAsync();
        var shown = new HtmlPage(client, form.Action, await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, shown.Document.Body!.TextContent);
        var again = shown.Form("Post");
        Assert.Equal(typed, again.Value(field));
        Assert.Equal("A summary worth keeping", again.Value("Work.Summary"));
        Assert.Equal("The chapter I wrote tonight.", again.Value("Chapter.Body"));
        Assert.False(await archive.WithDbAsync(db => db.Works.AnyAsync(w => w.Summary!.Contains("A summary worth keeping") && w.Creators.Any(c => c.Pseud.User.UserName == name))));
    }

    [Fact]
    public async Task A_title_with_right_to_left_marks_and_accents_is_accepted()
    {
        await archive.CreateUserAsync("plainrtl");
        using var client = await archive.LoggedInAsync("plainrtl");
        var id = await client.PostWorkAsync("\u200Fשלום — Café");
        var page = await client.PageAsync($"/works/{id}");
        Assert.Contains("\u200Fשלום — Café", page.Document.Body!.TextContent);
    }
}
