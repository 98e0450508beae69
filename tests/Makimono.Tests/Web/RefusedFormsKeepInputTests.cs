using System.Net;
using Makimono.Accounts;
using Makimono.Tags.Wrangling;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>
/// "Bad input gets a clear error and loses nothing": each form below is sent with a value the archive refuses, and the
/// page that says so shows the form again holding what was typed, so the person corrects it instead of starting over.
/// </summary>
public sealed class RefusedFormsKeepInputTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Theory]
    [InlineData("/admin", "Assign", "userName", "nobody", "fandomName", "Naruto")]
    [InlineData("/tags/Kept%20Fluff/wrangle", "Merge", "canonicalName", "Nonexistent Canonical", null, null)]
    [InlineData("/tags/Kept%20Person/wrangle", "Add meta tag", "metaName", "Nonexistent Meta", null, null)]
    [InlineData("/tags/Kept%20Person/wrangle", "Add parent", "parentName", "Nonexistent Parent", null, null)]
    [InlineData("/tags/Kept%20Fluff/wrangle", "Rename", "newName", "Kept Person", null, null)]
    [InlineData("/account/pseuds", "Add pseud", "NewPseud", "keepadmin", "Description", "typed description")]
    [InlineData("/works/new", "Post", "Work.Freeforms", "a=b", "Work.Summary", "A summary typed with a bad tag.")]
    public async Task A_refused_form_comes_back_holding_what_was_typed(string path, string button, string field, string value,
        string? otherField, string? otherValue)
    {
        using var admin = await AdminWithTagsAsync();
        var form = (await admin.PageAsync(path)).Form(button).Set(field, value);
        if (otherField is not null)
        {
            form.Set(otherField, otherValue!);
        }
        using var response = await form.SubmitAsync();
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{button} on {path} was not refused: {response.StatusCode}");
        var shown = new HtmlPage(admin, form.Action, html);
        Assert.NotNull(shown.Document.QuerySelector(".errors, .field-error:not(:empty)"));
        var again = shown.Form(button);
        Assert.Equal(value, again.Value(field));
        if (otherField is not null)
        {
            Assert.Equal(otherValue, again.Value(otherField));
        }
    }

    [Fact]
    public async Task A_refused_mass_action_keeps_the_chosen_action_and_the_typed_name()
    {
        using var admin = await AdminWithTagsAsync();
        var page = await admin.PageAsync("/tags/unwrangled");
        var tagId = page.Document.QuerySelector("input[aria-label='Select Kept Fluff']")!.GetAttribute("value")!;
        var form = page.Form("Apply to ticked tags").Check("tagIds", tagId).Check("action", "Merge").Set("otherName", "Nonexistent Canonical");
        using var response = await form.SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = new HtmlPage(admin, form.Action, await response.Content.ReadAsStringAsync());
        Assert.Contains("There is no tag called", shown.Document.Body!.TextContent);
        Assert.Equal("Nonexistent Canonical", shown.Form("Apply to ticked tags").Value("otherName"));
        Assert.Equal("Merge", shown.Document.QuerySelector("input[name='action']:checked")?.GetAttribute("value"));
    }

    private static readonly SemaphoreSlim SetUp = new(1, 1);

    private async Task<WebClient> AdminWithTagsAsync()
    {
        await SetUp.WaitAsync();
        try
        {
            if (await archive.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.UserName == "keepadmin"))) is false)
            {
                var user = await archive.CreateUserAsync("keepadmin", isAdmin: true);
                using var author = await archive.LoggedInAsync("keepadmin");
                var form = (await author.PageAsync("/works/new")).Form("Post")
                    .Set("Work.Title", "Kept Fic").Set("Work.RatingId", "2").Check("Work.WarningIds", "14")
                    .Set("Work.Fandoms", "Kept Fandom").Set("Work.Characters", "Kept Person").Set("Work.Freeforms", "Kept Fluff")
                    .Set("Chapter.Body", "Nothing happens.");
                using var posted = await form.SubmitAsync();
                Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
                // Parents and meta tags are offered for canonical tags only.
                await archive.WithDbAsync(async db => (await MakeCanonical.RunAsync(db, TimeProvider.System, new Viewer(user.Id, true),
                    (await db.Tags.SingleAsync(t => t.Name == "Kept Person")).Id)).Succeeded);
            }
        }
        finally
        {
            SetUp.Release();
        }
        return await archive.LoggedInAsync("keepadmin");
    }
}
