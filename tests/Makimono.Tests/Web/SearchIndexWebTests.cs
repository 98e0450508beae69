using Xunit;

namespace Makimono.Tests.Web;

/// <summary>
/// Full-text search through the served pages, once the server's search index has caught up (polled with a generous
/// deadline: how fast that happens is the benchmark's business, not a test's).
/// </summary>
public sealed class SearchIndexWebTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    private static async Task<HtmlPage> SearchUntilAsync(WebClient client, string query, Func<HtmlPage, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var home = await client.PageAsync("/");
            using var response = await home.Form("Search").Set("q", query).SubmitAsync();
            var page = new HtmlPage(client, response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync());
            if (done(page))
            {
                return page;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The search for {query} never showed what was expected:\n{page.Html}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_phrase_from_inside_a_chapter_finds_the_work_and_its_passage_links_into_that_chapter()
    {
        await archive.CreateUserAsync("keeper");
        using var author = await archive.LoggedInAsync("keeper");
        await author.PostWorkAsync("Harbour Lights", body: "The lantern swung by the quiet harbour all night long.");
        using var guest = archive.Guest();

        var results = await SearchUntilAsync(guest, "\"quiet harbour\"", p => p.Document.QuerySelector(".search-snippet") is not null);

        var snippet = results.Document.QuerySelector(".search-snippet")!;
        Assert.Contains("<mark>quiet</mark> <mark>harbour</mark>", snippet.InnerHtml);
        var chapter = await guest.PageAsync(snippet.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Contains("The lantern swung by the quiet harbour", chapter.Html);
        Assert.Contains("Harbour Lights", chapter.Html);
    }

    [Fact]
    public async Task A_query_that_cannot_be_read_says_where_and_links_to_a_corrected_query()
    {
        await archive.CreateUserAsync("signal");
        using var author = await archive.LoggedInAsync("signal");
        await author.PostWorkAsync("Signal Fires", body: "A signal fire burned on the northern hill.");
        using var guest = archive.Guest();

        var refused = await SearchUntilAsync(guest, "signal OR", p => p.Html.Contains("could not be read"));

        Assert.Contains("OR at position 8 has nothing after it.", refused.Html);
        var suggestion = refused.Document.QuerySelectorAll(".errors a").Single(a => a.TextContent == "signal");
        var corrected = await guest.PageAsync(suggestion.GetAttribute("href")!);
        Assert.Contains("Signal Fires", corrected.Html);
        Assert.DoesNotContain("could not be read", corrected.Html);
    }
}
