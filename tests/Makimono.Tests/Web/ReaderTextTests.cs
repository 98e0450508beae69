using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>Words and dates as a reader meets them on the pages.</summary>
public sealed partial class ReaderTextTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task Every_page_shows_dates_one_way_in_time_elements_with_a_machine_readable_datetime()
    {
        await archive.CreateUserAsync("dateadmin", isAdmin: true);
        using var admin = await archive.LoggedInAsync("dateadmin");
        var id = await admin.PostWorkAsync("Dated Fic", fandom: "Dated Fandom", characters: "Dated Person");
        using (var invite = await admin.SubmitFormAsync("/admin", "Create an invitation code"))
        {
            Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);
        }
        using (var canonical = await admin.SubmitFormAsync("/tags/Dated%20Person/wrangle", "Make canonical"))
        {
            Assert.Equal(HttpStatusCode.Redirect, canonical.StatusCode);
        }
        var pages = new[] { "/", $"/works/{id}", $"/works/{id}/navigate", "/users/dateadmin", "/tags/Dated%20Fandom/works", "/admin", "/tags/Dated%20Person/wrangle", "/account" };
        foreach (var path in pages)
        {
            var page = await admin.PageAsync(path);
            var times = page.Document.QuerySelectorAll("time");
            Assert.True(times.Length > 0, $"{path} shows no date");
            foreach (var time in times)
            {
                Assert.Matches(ShownDate(), time.TextContent);
                Assert.Matches(MachineDate(), time.GetAttribute("datetime") ?? "");
            }
            foreach (var time in times)
            {
                time.Remove();
            }
            var rest = page.Document.Body!.TextContent;
            Assert.False(AnyDate().IsMatch(rest), $"{path} shows a date outside <time>: {AnyDate().Match(rest).Value}");
        }
    }

    [Fact]
    public async Task Sign_up_with_a_mistake_keeps_what_it_says_it_keeps_and_asks_for_the_password_again()
    {
        using var guest = archive.Guest();
        var form = (await guest.PageAsync("/signup")).Form("Create account")
            .Set("UserName", "kept name").Set("Email", "kept@example.test").Set("Password", "a long enough password 1");
        using var response = await form.SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlPage(guest, form.Action, await response.Content.ReadAsStringAsync());
        var message = page.Document.QuerySelector(".errors p")!.TextContent;
        var shown = page.Form("Create account");
        Assert.Equal("kept name", shown.Value("UserName"));
        Assert.Equal("kept@example.test", shown.Value("Email"));
        Assert.Equal("", shown.Value("Password"));
        Assert.DoesNotContain("Nothing you typed was lost", message);
        Assert.Contains("password", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("type it again", message);
    }

    /// <summary>AO3's "01 Dec 2026", with the time of day in UTC where a moment matters.</summary>
    [GeneratedRegex(@"^\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}( \d{2}:\d{2} UTC)?$")]
    private static partial Regex ShownDate();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}Z)?$")]
    private static partial Regex MachineDate();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}")]
    private static partial Regex AnyDate();
}
