using System.Net;

namespace Makimono.Tests.Web;

/// <summary>Listing and search addresses typed or crafted to break the server get a page, never a 500 or a dead process.</summary>
public sealed class HostileQueryTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    /// <summary>Searches through the header's form until the index has the work (how soon is the benchmark's business).</summary>
    private static async Task<HtmlPage> SearchUntilFoundAsync(WebClient client, string query, string title)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await (await client.PageAsync("/")).Form("Search").Set("q", query).SubmitAsync();
            var page = new HtmlPage(client, response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync());
            if (page.Html.Contains(title, StringComparison.Ordinal))
            {
                return page;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The search for {query} never found {title}.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_page_number_past_every_result_is_an_empty_page()
    {
        await archive.CreateUserAsync("paginator");
        using var author = await archive.LoggedInAsync("paginator");
        await author.PostWorkAsync("Endless Corridor", body: "The corridor went on past every door.");
        using var guest = archive.Guest();
        await SearchUntilFoundAsync(guest, "corridor", "Endless Corridor");

        foreach (var page in new[] { "1000000000", "2147483647", "107374183" })
        {
            var (status, html) = await guest.GetAsync($"/works/search?q=corridor&page={page}");
            Assert.True(status == HttpStatusCode.OK, $"page={page} gave {(int)status}");
            Assert.DoesNotContain("Endless Corridor", html);
        }
    }

    [Fact]
    public async Task A_query_nested_thousands_deep_gets_a_message_and_the_server_lives_on()
    {
        await archive.CreateUserAsync("nester");
        using var author = await archive.LoggedInAsync("nester");
        await author.PostWorkAsync("Russian Dolls", body: "A doll inside a doll inside a doll.");
        using var guest = archive.Guest();
        await SearchUntilFoundAsync(guest, "doll", "Russian Dolls");

        var refused = await SearchUntilFoundAsync(guest, new string('(', 5000) + "doll", "could not be read");

        Assert.Contains("nested more than", refused.Html);
        var wordy = await SearchUntilFoundAsync(guest, string.Join(" OR ", Enumerable.Repeat("doll", 1500)), "could not be read");
        Assert.Contains("words from position", wordy.Html);
        Assert.Contains("Russian Dolls", (await SearchUntilFoundAsync(guest, "doll", "Russian Dolls")).Html);
    }

    [Fact]
    public async Task A_prefix_matching_thousands_of_words_in_a_chapter_still_gets_its_results()
    {
        await archive.CreateUserAsync("lexicographer");
        using var author = await archive.LoggedInAsync("lexicographer");
        // The highlighter expands a prefix into one clause per word of the chapter it matches, past Lucene's 1,024.
        var body = string.Join(" ", Enumerable.Range(0, 1500).Select(i => $"zquill{i}"));
        await author.PostWorkAsync("Dictionary of Quills", body: body);
        using var guest = archive.Guest();

        var found = await SearchUntilFoundAsync(guest, "zquill*", "Dictionary of Quills");

        Assert.Single(found.Document.QuerySelectorAll("li.blurb"));
    }
}
