using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Makimono.BrowserTests;

public sealed record NewWork(
    string Title,
    string Chapter1Title,
    string Chapter1Text,
    string Fandom,
    string Relationships = "",
    string Characters = "",
    string AdditionalTags = "",
    string Summary = "",
    string ExpectedChapters = "",
    string Rating = "General Audiences",
    string Warning = "No Archive Warnings Apply",
    bool Restricted = false);

/// <summary>
/// Fills the posting forms by their visible labels, as a person would. Waits with Expect (which polls the URL)
/// rather than WaitForURL, which also waits for the load event and timed out on a busy machine.
/// </summary>
public static partial class WorkForms
{
    /// <summary>Posts from /works/new and returns the new work's path, e.g. "/works/3".</summary>
    public static async Task<string> PostWorkAsync(IPage page, NewWork work)
    {
        await page.GotoAsync("/works/new");
        await page.GetByLabel("Rating", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = work.Rating });
        await page.GetByLabel(work.Warning, new() { Exact = true }).CheckAsync();
        await Field(page, "Fandoms").FillAsync(work.Fandom);
        await Field(page, "Relationships").FillAsync(work.Relationships);
        await Field(page, "Characters").FillAsync(work.Characters);
        await Field(page, "Additional tags").FillAsync(work.AdditionalTags);
        await Field(page, "Work title").FillAsync(work.Title);
        await Field(page, "Summary").FillAsync(work.Summary);
        await Field(page, "Expected number of chapters").FillAsync(work.ExpectedChapters);
        if (work.Restricted)
        {
            await page.GetByLabel("Only show to logged-in users", new() { Exact = true }).CheckAsync();
        }
        await Field(page, "Chapter title").FillAsync(work.Chapter1Title);
        await Field(page, "Chapter text").FillAsync(work.Chapter1Text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(WorkPath());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(work.Title);
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>From a work page: "Add chapter", fill it in, "Post chapter". Ends on the new chapter's page.</summary>
    public static async Task AddChapterAsync(IPage page, string title, string text)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Add chapter", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(NewChapterPath());
        await Field(page, "Chapter title").FillAsync(title);
        await Field(page, "Chapter text").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Post chapter", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ChapterPath());
    }

    /// <summary>Logs in from /login and waits until the page offers "Log out".</summary>
    public static async Task LogInAsync(IPage page, string name, string password)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("User name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).WaitForAsync();
    }

    /// <summary>Exact, because "Summary" would also match "Chapter summary".</summary>
    public static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    [GeneratedRegex(@"/works/\d+$")]
    public static partial Regex WorkPath();

    [GeneratedRegex(@"/works/\d+/chapters/new$")]
    public static partial Regex NewChapterPath();

    [GeneratedRegex(@"/works/\d+/chapters/\d+$")]
    public static partial Regex ChapterPath();
}
