using Microsoft.Playwright;

namespace Makimono.BrowserTests;

/// <summary>axe-core on the pages people use most, in the light and the dark colour scheme (the CSS has both).</summary>
[Collection(ArchiveCollection.Name)]
public sealed class AccessibilityTests(ArchiveFixture archive)
{
    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "home", "work", "tag", "post work", "login", "signup", "search", "filters", "saved searches" })
        {
            foreach (var scheme in new[] { "light", "dark" })
            {
                data.Add(page, scheme);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_has_no_serious_accessibility_violations(string name, string scheme)
    {
        // The work and posting pages are seen as the author, so their tools and the logged-in header are checked too.
        var (path, asAuthor) = name switch
        {
            "home" => ("/", false),
            "work" => (archive.SeedWorkPath, true),
            "tag" => ($"/tags/{Uri.EscapeDataString(ArchiveFixture.SeedFandom)}/works", false),
            "post work" => ("/works/new", true),
            "login" => ("/login", false),
            "signup" => ("/signup", false),
            "search" => ("/works/search?q=the", false),
            "filters" => ("/filters", false),
            "saved searches" => ("/account/searches", true),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        var page = await archive.NewPageAsync(asAuthor);
        await page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);

        var violations = await Axe.SeriousViolationsAsync(page);

        await page.Context.CloseAsync();
        Assert.True(violations.Count == 0, Axe.Describe($"{name} ({path}, {scheme})", violations));
    }

    /// <summary>Guards the guard: a page with a known critical problem must fail, or a broken harness would pass everything.</summary>
    [Fact]
    public async Task Axe_reports_an_image_without_alt_text()
    {
        var page = await archive.NewPageAsync();
        await page.GotoAsync("/login");
        await page.EvaluateAsync("() => document.querySelector('main').append(Object.assign(document.createElement('img'), { src: '/missing.png' }))");

        var violations = await Axe.SeriousViolationsAsync(page);

        await page.Context.CloseAsync();
        Assert.Contains(violations, v => v.Id == "image-alt" && v.Impact == "critical" && v.Nodes.Count == 1);
    }
}
