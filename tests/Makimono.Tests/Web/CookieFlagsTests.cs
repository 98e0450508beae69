using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>Over https the archive's cookies are marked Secure, so a browser never sends them over plain http.</summary>
public sealed class CookieFlagsTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Theory]
    [InlineData("https://localhost", true)]
    [InlineData("http://localhost", false)]
    public async Task The_form_token_cookie_is_secure_exactly_when_the_page_came_over_https(string address, bool secure)
    {
        using var client = archive.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(address), AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/login", UriKind.Relative));

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("makimono.antiforgery=", StringComparison.Ordinal));
        var flags = cookie.Split(';').Skip(1).Select(f => f.Trim().ToLowerInvariant()).ToList();
        Assert.Equal(secure, flags.Contains("secure"));
        Assert.Contains("httponly", flags);
        Assert.Contains("samesite=strict", flags);
    }
}
