using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

public sealed class CsrfTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    public static TheoryData<string> FormPaths() =>
    [
        "/signup", "/login", "/logout", "/works/new", "/works/new?handler=Import", "/works/new?handler=ApplySuggestions", "/works/{id}/edit", "/works/{id}/delete", "/works/{id}/chapters/new",
        "/works/{id}?handler=PostDraft", "/works/{id}?handler=Hide", "/works/{id}/edit?handler=Move", "/account",
        "/account/pseuds", "/account/pseuds?handler=MakeDefault", "/account/creatorships", "/admin?handler=SignUpMode", "/admin?handler=Invite",
        "/tags/unwrangled", "/tags/wrangle/duplicates?handler=Merge", "/tags/wrangle/duplicates?handler=MakeCanonical",
        "/tags/Gen/wrangle?handler=MakeCanonical", "/tags/Gen/wrangle?handler=Merge", "/tags/Gen/wrangle?handler=SetMedia",
        "/tags/Gen/wrangle?handler=AddMetaTag", "/tags/Gen/wrangle?handler=Undo",
    ];

    [Theory]
    [MemberData(nameof(FormPaths))]
    public async Task Every_form_refuses_a_post_without_the_antiforgery_token(string path)
    {
        var admin = await EnsureAdminAsync();
        using var client = await archive.LoggedInAsync(admin);
        var id = await archive.WithDbAsync(db => db.Works.Select(w => w.Id).FirstAsync());
        var worksBefore = await archive.WithDbAsync(db => db.Works.CountAsync());

        using var response = await client.Http.PostAsync(new Uri(path.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), UriKind.Relative),
            new FormUrlEncodedContent([new("Work.Title", "Forged"), new("Chapter.Body", "Forged text, long enough."), new("Work.Fandoms", "X"), new("Work.WarningIds", "14"), new("UserName", "forged"), new("Password", "forged-password")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(worksBefore, await archive.WithDbAsync(db => db.Works.CountAsync()));
    }

    private async Task<string> EnsureAdminAsync()
    {
        // Rows of a theory run one after another, so the first one sets up for the rest.
        if (!await archive.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "csrfadmin")))
        {
            await archive.CreateUserAsync("csrfadmin", isAdmin: true);
            using var client = await archive.LoggedInAsync("csrfadmin");
            await client.PostWorkAsync("Target");
        }
        return "csrfadmin";
    }
}
