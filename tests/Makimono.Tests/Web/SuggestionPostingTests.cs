using System.Net;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>The suggestion panel never offers a tag the posting form will refuse.</summary>
public sealed class SuggestionPostingTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task Posting_with_every_ticked_suggestion_succeeds_when_a_named_character_is_already_a_fandom()
    {
        await archive.CreateUserAsync("ticker");
        using var author = await archive.LoggedInAsync("ticker");
        // "Kestrel" is a fandom now; the story below also names a person Kestrel.
        await author.PostWorkAsync("The Fandom Itself", fandom: "Kestrel");
        const string body = "Kestrel said good morning. Kestrel laughed at the rain.\n\n"
            + "\"Come here,\" Kestrel said, and Wren kissed her. Wren said nothing else.\n\nWren smiled. Kestrel and Wren walked home.";

        using var suggestedResponse = await (await author.PageAsync("/works/new")).Form("Suggest tags from the text")
            .Set("Work.Title", "Every Tick").Set("Work.RatingId", "2").Check("Work.WarningIds", "14")
            .Set("Work.Fandoms", "Original Work").Set("Chapter.Body", body)
            .SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, suggestedResponse.StatusCode);
        var suggested = new HtmlPage(author, new Uri(author.Http.BaseAddress!, "/works/new"), await suggestedResponse.Content.ReadAsStringAsync());
        var apply = suggested.Form("Apply ticked suggestions");
        var offered = suggested.Document.QuerySelectorAll("input[type=checkbox][name^=Accept]")
            .Select(box => (Name: box.GetAttribute("name")!, Value: box.GetAttribute("value")!)).ToList();
        Assert.Contains(("AcceptCharacters", "Wren"), offered);
        Assert.DoesNotContain(("AcceptCharacters", "Kestrel"), offered);
        foreach (var (name, value) in offered)
        {
            apply.Check(name, value);
        }

        using var appliedResponse = await apply.SubmitAsync();
        var applied = new HtmlPage(author, suggested.Address, await appliedResponse.Content.ReadAsStringAsync());
        using var posted = await applied.Form("Post").SubmitAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"posting the ticked suggestions failed: {await posted.Content.ReadAsStringAsync()}");
    }
}
