using Makimono.Reading.Hits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Makimono.Tests.Web;

/// <summary>
/// An image in a chapter that points at another work's page makes every reader's browser fetch that page with their
/// cookies. Such a fetch, or a browser's prefetch, is not a reading: it adds no hit and no history entry.
/// </summary>
public sealed class ReaderVisitTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task An_image_or_a_prefetch_of_a_work_page_adds_no_hit_or_history_and_opening_it_does()
    {
        await archive.CreateUserAsync("rvauthor");
        await archive.CreateUserAsync("rvreader");
        using var author = await archive.LoggedInAsync("rvauthor");
        var target = await author.PostWorkAsync("The Page Behind the Picture");
        var carrier = await author.PostWorkAsync("A Chapter With a Picture",
            body: $"<p>Look at this.</p><p><img src=\"http://localhost/works/{target}\" alt=\"a picture\"></p>");

        using var reader = await archive.LoggedInAsync("rvreader");
        var page = await reader.PageAsync($"/works/{carrier}");
        var source = page.Document.QuerySelector("img[alt='a picture']")!.GetAttribute("src")!;
        Assert.EndsWith($"/works/{target}", source, StringComparison.Ordinal);
        await FetchAsync(reader, source, ("Sec-Fetch-Dest", "image"), ("Sec-Fetch-Mode", "no-cors"));
        await FetchAsync(reader, source, ("Sec-Fetch-Dest", "document"), ("Sec-Purpose", "prefetch"));

        Assert.Equal((1, true), await ReadAsync(carrier));
        Assert.Equal((0, false), await ReadAsync(target));

        await FetchAsync(reader, source, ("Sec-Fetch-Dest", "document"), ("Sec-Fetch-Mode", "navigate"));
        Assert.Equal((1, true), await ReadAsync(target));
    }

    private static async Task FetchAsync(WebClient client, string address, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address));
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The work's hits once this node's buffer is written, and whether the reader's history has it.</summary>
    private async Task<(int Hits, bool InHistory)> ReadAsync(int workId)
    {
        await archive.Services.GetRequiredService<HitService>().FlushAsync(CancellationToken.None);
        return await archive.WithDbAsync(async db => (
            await db.Works.Where(w => w.Id == workId).Select(w => w.HitCount).SingleAsync(),
            await db.ReadingPositions.AnyAsync(p => p.WorkId == workId && p.User.UserName == "rvreader")));
    }
}
