using System.Net;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>The account page has two forms; a refused app password name is explained beside its own form.</summary>
public sealed class AppPasswordFormTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task A_blank_app_password_name_is_explained_at_its_form_not_as_a_password_change()
    {
        await archive.CreateUserAsync("blanklabel");
        using var browser = await archive.LoggedInAsync("blanklabel");
        var form = (await browser.PageAsync("/account")).Form("Create app password").Set("AppPasswordLabel", "   ");
        Assert.Equal("app-passwords-heading", form.Element.GetAttribute("action")!.Split('#').Last());

        using var response = await form.SubmitAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlPage(browser, form.Action, await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("type it again", page.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector(".errors"));
        var error = page.Document.QuerySelector("[data-valmsg-for=AppPasswordLabel]")!;
        Assert.Contains("Name the app password", error.TextContent, StringComparison.Ordinal);
        Assert.Contains("Name the app password", page.Form("Create app password").Element.TextContent, StringComparison.Ordinal);
    }
}
