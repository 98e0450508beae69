using System.Net;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>A page a signed-in person may not see answers 403 at the address they asked for; a guest is sent to log in.</summary>
public sealed class ForbiddenPageTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task A_non_admin_at_admin_gets_403_and_the_error_page_at_that_address()
    {
        await archive.CreateUserAsync("notanadmin");
        using var reader = await archive.LoggedInAsync("notanadmin");

        using var response = await reader.Http.GetAsync(new Uri("/admin", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("Not allowed", body);
        Assert.Contains("<html", body);
    }

    [Fact]
    public async Task A_guest_at_admin_is_still_sent_to_log_in()
    {
        using var guest = archive.Guest();

        using var response = await guest.Http.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login?ReturnUrl=", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_wrangles_no_fandom_is_refused_the_wrangling_queue()
    {
        await archive.CreateUserAsync("nowrangler");
        using var reader = await archive.LoggedInAsync("nowrangler");

        using var response = await reader.Http.GetAsync(new Uri("/tags/unwrangled", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("wrangler", body);
        Assert.DoesNotContain("Tags of your fandoms", body);
    }
}
