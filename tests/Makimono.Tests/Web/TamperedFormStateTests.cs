using System.Net;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>
/// The posting form carries the last suggestions and the imported file's notice in hidden JSON fields. Whatever comes
/// back in them (a null list, a null in a list, a missing name) is dropped, and the form goes on with what was typed:
/// never an error page.
/// </summary>
public sealed class TamperedFormStateTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    public static TheoryData<string, string> Tampered => new()
    {
        { "SuggestionsJson", """{"Characters":null}""" },
        { "SuggestionsJson", """{"Characters":[null]}""" },
        { "SuggestionsJson", """{"Characters":[{"Name":null,"Mentions":1}]}""" },
        { "SuggestionsJson", """{"Characters":[{"Mentions":1}]}""" },
        { "SuggestionsJson", """{"Relationships":[{"Name":null,"Confidence":1}],"Rating":{"Name":null,"Confidence":1},"ArchiveWarnings":[null]}""" },
        { "ImportedJson", """{"FileName":"a.txt","Format":"text","Found":null,"Warnings":null,"KeptTyped":null}""" },
        { "ImportedJson", """{"FileName":null,"Format":null,"Found":[null]}""" },
    };

    [Theory]
    [MemberData(nameof(Tampered))]
    public async Task A_tampered_hidden_field_is_dropped_and_the_typed_work_comes_back(string field, string json)
    {
        var name = "tamper" + Math.Abs((field + json).GetHashCode(StringComparison.Ordinal)) % 100000;
        await archive.CreateUserAsync(name);
        using var author = await archive.LoggedInAsync(name);

        // Suggestions first, so that the page serves the "Apply ticked suggestions" form with its hidden state.
        using var suggestedResponse = await (await author.PageAsync("/works/new")).Form("Suggest tags from the text")
            .Set("Work.Title", "Kept Through Tampering").Set("Work.RatingId", "2").Check("Work.WarningIds", "14")
            .Set("Work.Fandoms", "Original Work")
            .Set("Chapter.Body", "Wren said good morning. Wren laughed at the rain, and Kestrel kissed her.")
            .SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, suggestedResponse.StatusCode);
        var suggested = new HtmlPage(author, new Uri(author.Http.BaseAddress!, "/works/new"), await suggestedResponse.Content.ReadAsStringAsync());

        using var applied = await suggested.Form("Apply ticked suggestions").Set(field, json).SubmitAsync();
        var appliedHtml = await applied.Content.ReadAsStringAsync();
        Assert.True(applied.StatusCode == HttpStatusCode.OK, $"applying with {field}={json} answered {(int)applied.StatusCode}");
        Assert.Contains("Kept Through Tampering", appliedHtml, StringComparison.Ordinal);

        // A refused post (no title) draws the form again from the same hidden state.
        using var refused = await suggested.Form("Post").Set("Work.Title", "").Set(field, json).SubmitAsync();
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.OK, $"a refused post with {field}={json} answered {(int)refused.StatusCode}");
        Assert.Contains("Wren laughed at the rain", refusedHtml, StringComparison.Ordinal);
    }
}
