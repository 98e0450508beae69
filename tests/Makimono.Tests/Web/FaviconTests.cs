using System.Net;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>Every page links an icon that is there, and /favicon.ico (asked for by browsers anyway) leads to it.</summary>
public sealed class FaviconTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task The_linked_icon_and_favicon_ico_are_served()
    {
        using var guest = archive.Guest();
        var page = await guest.PageAsync("/");
        var href = page.Document.QuerySelector("link[rel=icon]")?.GetAttribute("href");
        Assert.NotNull(href);

        using var icon = await guest.Http.GetAsync(new Uri(href, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await icon.Content.ReadAsStringAsync());

        using var ico = await guest.Http.GetAsync(new Uri("/favicon.ico", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, ico.StatusCode);
        using var followed = await guest.Http.GetAsync(ico.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Equal("image/svg+xml", followed.Content.Headers.ContentType?.MediaType);
    }
}
