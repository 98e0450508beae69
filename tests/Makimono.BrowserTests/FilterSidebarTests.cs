using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Makimono.BrowserTests;

/// <summary>A person filters a tag page in Chromium: ticks an include and an exclude, picks a sort, presses the button.</summary>
[Collection(ArchiveCollection.Name)]
public sealed partial class FilterSidebarTests(ArchiveFixture archive)
{
    [Fact]
    public async Task Filtering_a_tag_page_with_an_include_and_an_exclude_sorted_by_words()
    {
        const string fandom = "Sidebar Lighthouse";
        var author = await archive.NewPageAsync(asAuthor: true);
        foreach (var (title, characters, words) in new[]
        {
            ("Keeper Alone", "Lamp Keeper", 30), ("Keeper and Gull", "Lamp Keeper, Sea Gull", 40),
            ("Keeper at Length", "Lamp Keeper", 60), ("Gull Alone", "Sea Gull", 20),
        })
        {
            await WorkForms.PostWorkAsync(author, new NewWork(title, "One", string.Join(' ', Enumerable.Repeat("wave", words)), fandom, Characters: characters));
        }
        await author.Context.CloseAsync();

        var page = await archive.NewPageAsync();
        await page.GotoAsync($"/tags/{Uri.EscapeDataString(fandom)}/works");
        var include = page.GetByRole(AriaRole.Group, new() { Name = "Include", Exact = true });
        var exclude = page.GetByRole(AriaRole.Group, new() { Name = "Exclude", Exact = true });
        await include.GetByLabel(LampKeeper()).CheckAsync();
        await exclude.GetByLabel(SeaGull()).CheckAsync();
        await page.GetByLabel("Sort by", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Word count" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sort and filter", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("sort=words"));
        var titles = page.Locator("li.blurb h3 > a:first-child");
        await Assertions.Expect(titles).ToHaveTextAsync(["Keeper at Length", "Keeper Alone"]);
        await Assertions.Expect(exclude.GetByLabel(SeaGull())).ToBeCheckedAsync();
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"^Lamp Keeper \(")]
    private static partial Regex LampKeeper();

    [GeneratedRegex(@"^Sea Gull \(")]
    private static partial Regex SeaGull();
}
