using System.Net;
using Xunit;

namespace Makimono.Tests.Web;

public sealed class TagFieldErrorsTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task Every_bad_tag_of_a_field_is_reported_in_one_message()
    {
        await archive.CreateUserAsync("badtags");
        using var author = await archive.LoggedInAsync("badtags");
        var typed = @"x?a=1, 100% true, fine tag, a\b";
        var form = (await author.PageAsync("/works/new")).Form("Post")
            .Set("Work.Title", "Bad Tags Fic").Set("Work.RatingId", "2").Check("Work.WarningIds", "14")
            .Set("Work.Fandoms", "Original Work").Set("Work.Freeforms", typed).Set("Chapter.Body", "Words.");
        using var response = await form.SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlPage(author, form.Action, await response.Content.ReadAsStringAsync());
        var message = page.Document.QuerySelector("[data-valmsg-for='Work.Freeforms']")!.TextContent;
        Assert.Contains("\"x?a=1\"", message);
        Assert.Contains("'='", message);
        Assert.Contains("\"100% true\"", message);
        Assert.Contains("'%'", message);
        Assert.Contains(@"""a\b""", message);
        Assert.Contains(@"'\'", message);
        Assert.DoesNotContain("fine tag", message);
        Assert.Equal(typed, page.Form("Post").Value("Work.Freeforms"));
    }
}
