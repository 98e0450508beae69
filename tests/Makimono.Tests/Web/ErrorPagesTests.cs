using System.Net;
using Xunit;

namespace Makimono.Tests.Web;

public sealed class ErrorPagesTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task Health_answers_ok_when_the_database_answers()
    {
        using var guest = archive.Guest();
        var (status, body) = await guest.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", body);
    }

    [Theory]
    [InlineData("/no/such/page")]
    [InlineData("/works/999999")]
    [InlineData("/tags/No%20Such%20Tag/works")]
    [InlineData("/users/nobody-here")]
    [InlineData("/series/424242")]
    public async Task Missing_things_get_the_friendly_404_page(string path)
    {
        using var guest = archive.Guest();
        var (status, body) = await guest.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Page not found", body);
        Assert.Contains("<html", body);
    }

    [Fact]
    public async Task A_rejected_form_shows_no_stack_trace()
    {
        using var guest = archive.Guest();
        using var response = await guest.Http.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent([new("UserName", "x")]));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Bad request", body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(" at Microsoft.", body);
    }

    [Fact]
    public async Task The_error_page_itself_shows_no_details()
    {
        using var guest = archive.Guest();
        var (_, body) = await guest.GetAsync("/errors/500");
        Assert.Contains("Something went wrong", body);
        Assert.DoesNotContain("Exception", body);
    }
}
