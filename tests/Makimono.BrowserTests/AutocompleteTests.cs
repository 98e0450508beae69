using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Makimono.BrowserTests;

/// <summary>
/// The tag fields' autocomplete in a real browser: typing part of a name offers the archive's tags as an ARIA
/// listbox, the keyboard picks one, and in a comma-separated field only the last name is completed.
/// </summary>
[Collection(ArchiveCollection.Name)]
public sealed class AutocompleteTests(ArchiveFixture archive)
{
    private const string Password = "lantern-quays-at-dusk";
    private const string Fandom = "Quayside Lanterns";

    [Fact]
    public async Task Typing_part_of_a_character_offers_the_archives_tag_and_the_keyboard_chooses_it()
    {
        await archive.Server.AddUserAsync("quay_writer", "quay_writer@example.test", Password);
        var page = await archive.NewPageAsync();
        try
        {
            await WorkForms.LogInAsync(page, "quay_writer", Password);
            await WorkForms.PostWorkAsync(page, new NewWork("Tide Tables", "One", "Ottoline Marsh lit the first lantern.", Fandom, Characters: "Ottoline Marsh"));

            await page.GotoAsync("/works/new");
            await WorkForms.Field(page, "Fandoms").FillAsync(Fandom);
            var characters = WorkForms.Field(page, "Characters");
            await Expect(characters).ToHaveAttributeAsync("role", "combobox");
            await Expect(characters).ToHaveAttributeAsync("aria-expanded", "false");

            // Typed key by key, as a person types, so the script sees input events. The index is rebuilt in the
            // background after the new tag, so the first answers may come before it: type again until it is offered.
            var listbox = page.GetByRole(AriaRole.Listbox, new() { Name = "Suggestions" });
            var option = listbox.GetByRole(AriaRole.Option, new() { Name = "Ottoline Marsh", Exact = true });
            for (var attempt = 1; ; attempt++)
            {
                await characters.FillAsync("Kestrel, ");
                await characters.PressSequentiallyAsync("ottol");
                try
                {
                    await option.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 2_000 });
                    break;
                }
                catch (TimeoutException) when (attempt < 10)
                {
                }
            }
            await Expect(characters).ToHaveAttributeAsync("aria-expanded", "true");

            await characters.PressAsync("ArrowDown");
            await Expect(option).ToHaveAttributeAsync("aria-selected", "true");
            var optionId = await option.GetAttributeAsync("id");
            await Expect(characters).ToHaveAttributeAsync("aria-activedescendant", optionId!);

            await characters.PressAsync("Enter");
            // Only the last name of the list was completed; the first stays as typed.
            await Expect(characters).ToHaveValueAsync("Kestrel, Ottoline Marsh, ");
            await Expect(listbox).ToBeHiddenAsync();
            await Expect(characters).ToHaveAttributeAsync("aria-expanded", "false");

            // Escape closes the list without changing what was typed.
            await characters.PressSequentiallyAsync("ottol");
            await Expect(option).ToBeVisibleAsync();
            await characters.PressAsync("Escape");
            await Expect(listbox).ToBeHiddenAsync();
            await Expect(characters).ToHaveValueAsync("Kestrel, Ottoline Marsh, ottol");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
