using System.Net;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>
/// A method a page has no handler for (TRACE, PUT, DELETE, PATCH) is a 405 with an Allow header and the error page,
/// never the page run without its handler (which failed with a NullReferenceException and a 500).
/// </summary>
public sealed class UnhandledMethodTests(RequestLogTests.LoggedArchive archive) : IClassFixture<RequestLogTests.LoggedArchive>
{
    [Theory]
    [InlineData("TRACE", "/")]
    [InlineData("TRACE", "/works/1")]
    [InlineData("PUT", "/works/1/chapters/1")]
    [InlineData("DELETE", "/tags/naruto/works")]
    [InlineData("PATCH", "/users/wren")]
    [InlineData("TRACE", "/series/1")]
    public async Task A_method_without_a_handler_is_405_with_allow_and_the_error_page(string method, string path)
    {
        using var guest = archive.Guest();

        using var response = await guest.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.DoesNotContain(method, response.Content.Headers.Allow);
        Assert.Contains("<html", body);
        Assert.Contains("Method not allowed", body);
        Assert.DoesNotContain(archive.Log.Entries, e => e.Category.Contains("ExceptionHandler", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_and_head_still_reach_the_page()
    {
        using var guest = archive.Guest();

        using var head = await guest.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }
}
