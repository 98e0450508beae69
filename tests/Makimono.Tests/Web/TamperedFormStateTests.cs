using System.Net;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>
/// Forms as served, with a field a browser never sends changed: a clear answer and the typed text back, never an
/// error page. The posting form carries the last suggestions and the imported file's notice in hidden JSON fields;
/// whatever comes back in them (a null list, a null in a list, a missing name) is dropped. A checkbox's hidden
/// "false" changed to something that is not a bool reads as unticked.
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

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    public async Task A_checkbox_posted_with_a_value_that_is_not_a_bool_reads_as_unticked(string posted)
    {
        var name = "boxtamper" + posted;
        await archive.CreateUserAsync(name);
        using var author = await archive.LoggedInAsync(name);
        var id = await author.PostWorkAsync("Boxes Left Alone " + posted);
        var workPage = await author.PageAsync($"/works/{id}");
        var editAddress = workPage.Links.Single(l => l.AbsolutePath == $"/works/{id}/edit");
        var form = (await author.PageAsync(editAddress.PathAndQuery)).Form("Save changes").Set("Work.Title", "Boxes Changed " + posted);

        // The checkboxes' hidden "false" fields, as a hand-edited form would send them.
        var fields = form.Fields
            .Select(f => f.Key is "Work.IsRestricted" or "Work.ModeratesComments" && f.Value == "false" ? new(f.Key, posted) : f)
            .ToList();
        Assert.Contains(fields, f => f.Key == "Work.IsRestricted" && f.Value == posted);
        using var saved = await author.Http.PostAsync(form.Action, new FormUrlEncodedContent(fields));

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"saving answered {(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}");
        var (_, shown) = await author.GetAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Boxes Changed " + posted, shown, StringComparison.Ordinal);
        using var guest = archive.Guest();
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync($"/works/{id}")).Status);

        // Refused for another reason (no title), the form is drawn again with the boxes as they were read.
        var refusedFields = fields.Select(f => f.Key == "Work.Title" ? new(f.Key, "") : f).ToList();
        using var refused = await author.Http.PostAsync(form.Action, new FormUrlEncodedContent(refusedFields));
        Assert.True(refused.StatusCode == HttpStatusCode.OK, $"a refused save answered {(int)refused.StatusCode}");
        var page = new HtmlPage(author, form.Action, await refused.Content.ReadAsStringAsync());
        Assert.False(page.Document.QuerySelector("input[type=checkbox][name='Work.IsRestricted']")!.HasAttribute("checked"));
    }
}
