using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>
/// The work form's Language takes the language's own name (offered as you type) or its code, stores the code, and
/// refuses a language it does not know with what was typed kept; a work keeps a code from an older archive.
/// </summary>
public sealed class LanguageFieldTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Theory]
    [InlineData("Français", "fr")]
    [InlineData("日本語", "ja")]
    [InlineData("english", "en")]
    [InlineData("pt-BR", "pt-BR")]
    public async Task A_language_typed_by_name_or_code_is_stored_as_its_code(string typed, string code)
    {
        using var author = await AuthorAsync("lang" + code.Replace("-", "", StringComparison.Ordinal));
        var page = await author.PageAsync("/works/new");
        var offered = page.Document.QuerySelectorAll("#language-names option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("Français", offered);
        Assert.Contains("日本語", offered);
        Assert.Equal("language-names", page.Document.QuerySelector("input[name='Work.Language']")!.GetAttribute("list"));
        Assert.Equal("English", page.Form("Post").Value("Work.Language"));

        using var posted = await Filled(page, $"In {typed}").Set("Work.Language", typed).SubmitAsync();

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(code, await archive.WithDbAsync(db => db.Works.Where(w => w.Title == $"In {typed}").Select(w => w.Language).SingleAsync()));
        // The work page names the language in its own words, marked as that language for screen readers.
        var shown = (await author.FollowAsync(posted)).Document.QuerySelectorAll("dd").Single(d => d.PreviousElementSibling?.TextContent == "Language:");
        Assert.Equal(Makimono.Works.Languages.NameOf(code), shown.TextContent);
        Assert.Equal(code, shown.GetAttribute("lang"));
    }

    [Fact]
    public async Task An_unknown_language_is_refused_beside_the_field_with_everything_kept()
    {
        using var author = await AuthorAsync("langunknown");
        using var refused = await Filled(await author.PageAsync("/works/new"), "In Klingonese").Set("Work.Language", "Klingonese").SubmitAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = new HtmlPage(author, new Uri(author.Http.BaseAddress!, "/works/new"), await refused.Content.ReadAsStringAsync());
        Assert.Contains("\u201CKlingonese\u201D is not a language this archive knows. Type the language's own name",
            page.Document.QuerySelector("[data-valmsg-for='Work.Language']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Klingonese", page.Form("Post").Value("Work.Language"));
        Assert.Equal("In Klingonese", page.Form("Post").Value("Work.Title"));
        Assert.Equal(0, await archive.WithDbAsync(db => db.Works.CountAsync(w => w.Title == "In Klingonese")));
    }

    [Fact]
    public async Task The_edit_form_shows_the_name_and_a_work_keeps_a_code_the_list_does_not_know()
    {
        using var author = await AuthorAsync("langeditor");
        using (var posted = await Filled(await author.PageAsync("/works/new"), "Edited In French").Set("Work.Language", "fr").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }
        var id = await archive.WithDbAsync(db => db.Works.Where(w => w.Title == "Edited In French").Select(w => w.Id).SingleAsync());
        var edit = (await author.PageAsync($"/works/{id}/edit")).Form("Save changes");
        Assert.Equal("Français", edit.Value("Work.Language"));
        using (var saved = await edit.Set("Work.Title", "Edited In French Again").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        Assert.Equal("fr", await LanguageOfAsync(id));

        // A code an older archive stored, which the platform's list does not have, survives an edit of something else.
        await archive.WithDbAsync(db => db.Works.Where(w => w.Id == id).ExecuteUpdateAsync(s => s.SetProperty(w => w.Language, "x-elvish")));
        var old = (await author.PageAsync($"/works/{id}/edit")).Form("Save changes");
        Assert.Equal("x-elvish", old.Value("Work.Language"));
        using (var saved = await old.Set("Work.Title", "Edited In Elvish").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        Assert.Equal("x-elvish", await LanguageOfAsync(id));
    }

    [Fact]
    public async Task The_listing_filters_by_a_language_typed_by_name_or_code()
    {
        using var author = await AuthorAsync("langfilter");
        foreach (var (title, language) in new[] { ("Filtered Italian Tale", "Italiano"), ("Filtered English Tale", "English") })
        {
            using var posted = await Filled(await author.PageAsync("/works/new"), title).Set("Work.Language", language).SubmitAsync();
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }
        foreach (var typed in new[] { "Italiano", "it" })
        {
            using var filtered = await (await author.PageAsync("/")).Form("Sort and filter").Set("lang", typed).SubmitAsync();
            var html = await filtered.Content.ReadAsStringAsync();
            Assert.Contains("Filtered Italian Tale", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Filtered English Tale", html, StringComparison.Ordinal);
        }
    }

    private Task<string> LanguageOfAsync(int id) => archive.WithDbAsync(db => db.Works.Where(w => w.Id == id).Select(w => w.Language).SingleAsync());

    private async Task<WebClient> AuthorAsync(string name)
    {
        await archive.CreateUserAsync(name);
        return await archive.LoggedInAsync(name);
    }

    private static HtmlForm Filled(HtmlPage page, string title) => page.Form("Post")
        .Set("Work.Title", title).Set("Work.RatingId", "2").Check("Work.WarningIds", "14").Set("Work.Fandoms", "Original Work")
        .Set("Chapter.Body", "Words in whatever language the writer chose.");
}
