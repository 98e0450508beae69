using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Makimono.BrowserTests;

/// <summary>The wrangling story: a wrangler merges two character tags, and a reader's tag page shows the works of both.</summary>
[Collection(ArchiveCollection.Name)]
public sealed class WranglingTests(ArchiveFixture archive)
{
    private const string Fandom = "Glass Orchard Saga";
    private const string Password = "orchard-ladders-and-glass";

    [Fact]
    public async Task A_wrangler_merges_two_character_tags_and_a_reader_sees_the_works_of_both()
    {
        await archive.Server.AddUserAsync("orchard_admin", "orchard_admin@example.test", Password, admin: true);
        await archive.Server.AddUserAsync("orchard_wrangler", "orchard_wrangler@example.test", Password);
        var page = await LogInAsync("orchard_admin");
        try
        {
            await WorkForms.PostWorkAsync(page, new NewWork("Pruning Season", "One", "Mirela Voss climbed the glass ladder before dawn.", Fandom, Characters: "Mirela Voss"));
            await WorkForms.PostWorkAsync(page, new NewWork("Frost on the Panes", "One", "The captain counted the cracked panes twice.", Fandom, Characters: "Captain Voss"));
            await page.GotoAsync("/admin");
            await page.GetByRole(AriaRole.Form, new() { Name = "Tag wranglers" }).GetByLabel("User name", new() { Exact = true }).FillAsync("orchard_wrangler");
            await WorkForms.Field(page, "Fandom they wrangle").FillAsync(Fandom);
            await page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "orchard_wrangler", Exact = true })).ToBeVisibleAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        var wrangler = await LogInAsync("orchard_wrangler");
        try
        {
            await wrangler.GotoAsync("/tags/unwrangled");
            await wrangler.GetByRole(AriaRole.Link, new() { Name = "Mirela Voss", Exact = true }).ClickAsync();
            await wrangler.GetByRole(AriaRole.Button, new() { Name = "Make canonical", Exact = true }).ClickAsync();
            await Expect(wrangler.Locator(".notice[role=status]")).ToHaveTextAsync("Made canonical.");

            await wrangler.GotoAsync("/tags/unwrangled");
            await wrangler.GetByRole(AriaRole.Link, new() { Name = "Captain Voss", Exact = true }).ClickAsync();
            var violations = await Axe.SeriousViolationsAsync(wrangler);
            Assert.True(violations.Count == 0, Axe.Describe("wrangle page", violations));
            await WorkForms.Field(wrangler, "Canonical tag").FillAsync("Mirela Voss");
            await wrangler.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();
            await Expect(wrangler.Locator(".notice[role=status]")).ToHaveTextAsync("Merged into Mirela Voss.");
        }
        finally
        {
            await wrangler.Context.CloseAsync();
        }

        var reader = await archive.NewPageAsync();
        try
        {
            await reader.GotoAsync("/tags/Captain%20Voss/works");
            await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Works in Mirela Voss");
            await Expect(reader.GetByRole(AriaRole.Link, new() { Name = "Pruning Season" })).ToBeVisibleAsync();
            await Expect(reader.GetByRole(AriaRole.Link, new() { Name = "Frost on the Panes" })).ToBeVisibleAsync();
        }
        finally
        {
            await reader.Context.CloseAsync();
        }
    }

    private async Task<IPage> LogInAsync(string name)
    {
        var page = await archive.NewPageAsync();
        await WorkForms.LogInAsync(page, name, Password);
        return page;
    }
}
