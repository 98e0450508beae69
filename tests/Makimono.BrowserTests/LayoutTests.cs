using Microsoft.Playwright;

namespace Makimono.BrowserTests;

/// <summary>
/// Screenshots for a person to look at (TestResults/browser), and the one layout rule a test can hold:
/// on a 360 px phone nothing scrolls sideways.
/// </summary>
[Collection(ArchiveCollection.Name)]
public sealed class LayoutTests(ArchiveFixture archive)
{
    [Fact]
    public async Task Work_page_screenshots_on_desktop_and_phone()
    {
        var desktop = await archive.NewPageAsync(asAuthor: true, width: 1280, height: 900);
        await desktop.GotoAsync(archive.SeedWorkPath);
        await desktop.ScreenshotAsync(new() { Path = Shot("work-desktop-1280.png"), FullPage = true });
        await desktop.Context.CloseAsync();

        var phone = await archive.NewPageAsync(asAuthor: true, width: 360, height: 780);
        await phone.GotoAsync(archive.SeedWorkPath);
        await phone.ScreenshotAsync(new() { Path = Shot("work-phone-360.png"), FullPage = true });
        var scrollWidth = await ScrollWidthAsync(phone);
        await phone.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await phone.ScreenshotAsync(new() { Path = Shot("work-phone-360-dark.png"), FullPage = true });
        await phone.Context.CloseAsync();

        Assert.True(File.Exists(Shot("work-desktop-1280.png")));
        Assert.True(scrollWidth <= 360, $"The work page scrolls sideways at 360 px: scrollWidth is {scrollWidth}.");
    }

    [Theory]
    [InlineData("home", "/", false)]
    [InlineData("work-full", "WORK?view_full_work=true", false)]
    [InlineData("tag", "TAG", false)]
    [InlineData("post-work", "/works/new", true)]
    [InlineData("login", "/login", false)]
    [InlineData("signup", "/signup", false)]
    [InlineData("fandoms", "/media", false)]
    [InlineData("account", "/account", true)]
    [InlineData("navigate", "WORK/navigate", false)]
    [InlineData("search", "/works/search?q=the", false)]
    [InlineData("filters", "/filters", false)]
    [InlineData("saved-searches", "/account/searches", true)]
    public async Task Page_does_not_scroll_sideways_on_a_phone(string name, string path, bool asAuthor)
    {
        path = path.Replace("WORK", archive.SeedWorkPath, StringComparison.Ordinal)
            .Replace("TAG", $"/tags/{Uri.EscapeDataString(ArchiveFixture.SeedFandom)}/works", StringComparison.Ordinal);
        var page = await archive.NewPageAsync(asAuthor, width: 360, height: 780);
        await page.GotoAsync(path);
        await page.ScreenshotAsync(new() { Path = Shot($"{name}-phone-360.png"), FullPage = true });
        var scrollWidth = await ScrollWidthAsync(page);
        await page.Context.CloseAsync();

        Assert.True(scrollWidth <= 360, $"{path} scrolls sideways at 360 px: scrollWidth is {scrollWidth}.");
    }

    [Fact]
    public async Task Admin_page_with_invitations_and_wranglers_does_not_scroll_sideways_on_a_phone()
    {
        const string password = "narrow-screens-and-long-codes";
        await archive.Server.AddUserAsync("narrow_admin", "narrow_admin@example.test", password, admin: true);
        var page = await archive.NewPageAsync(width: 360, height: 780);
        await WorkForms.LogInAsync(page, "narrow_admin", password);
        await page.GotoAsync("/admin");
        // The page as an admin sees it after a while: invitation codes and wranglers listed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create an invitation code", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create an invitation code", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Form, new() { Name = "Tag wranglers" }).GetByLabel("User name", new() { Exact = true }).FillAsync("narrow_admin");
        await WorkForms.Field(page, "Fandom they wrangle").FillAsync(ArchiveFixture.SeedFandom);
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "narrow_admin", Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("admin-phone-360.png"), FullPage = true });
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]");
        var (scrollWidth, clientWidth) = (widths[0], widths[1]);
        await page.Context.CloseAsync();

        Assert.True(scrollWidth <= clientWidth, $"/admin scrolls sideways at 360 px: scrollWidth {scrollWidth} > clientWidth {clientWidth}.");
    }

    private static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

    private static string Shot(string file) => Path.Combine(ArchiveFixture.ResultsDirectory, file);
}
