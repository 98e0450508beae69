using System.Net;

namespace Makimono.Tests.Web;

/// <summary>
/// Tools that poll downloads and feeds may ask with HEAD: they get the GET's status and validators without the body,
/// and the same refusals.
/// </summary>
public sealed class HeadRequestTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    private static async Task<HttpResponseMessage> SendAsync(WebClient client, HttpMethod method, Uri url)
    {
        using var request = new HttpRequestMessage(method, url);
        return await client.Http.SendAsync(request);
    }

    [Fact]
    public async Task Head_on_a_download_or_a_feed_answers_as_get_does_without_the_body()
    {
        await archive.CreateUserAsync("headpoller");
        using var author = await archive.LoggedInAsync("headpoller");
        var id = await author.PostWorkAsync("Polled By Head");
        using var guest = archive.Guest();
        var page = await guest.PageAsync($"/works/{id}");
        var urls = page.Document.QuerySelectorAll("nav.downloads a[href], link[rel=alternate][href]")
            .Select(a => new Uri(page.Address, a.GetAttribute("href")!)).ToList();
        Assert.Contains(urls, u => u.AbsolutePath.EndsWith(".epub", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.AbsolutePath.StartsWith("/opds", StringComparison.Ordinal));

        foreach (var url in urls)
        {
            using var get = await SendAsync(guest, HttpMethod.Get, url);
            using var head = await SendAsync(guest, HttpMethod.Head, url);
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {url} gave {(int)head.StatusCode}");
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Head_on_a_draft_s_download_is_refused_as_get_is()
    {
        await archive.CreateUserAsync("headdrafter");
        using var author = await archive.LoggedInAsync("headdrafter");
        var id = await author.PostWorkAsync("Head Draft", draft: true);
        var page = await author.PageAsync($"/works/{id}");
        var epub = new Uri(page.Address, page.Document.QuerySelector("nav.downloads a[href$='.epub']")!.GetAttribute("href")!);
        using var guest = archive.Guest();

        using var head = await SendAsync(guest, HttpMethod.Head, epub);

        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        using var own = await SendAsync(author, HttpMethod.Head, epub);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }
}
