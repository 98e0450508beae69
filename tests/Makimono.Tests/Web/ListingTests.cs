using Xunit;

namespace Makimono.Tests.Web;

public sealed class ListingTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task Tag_pages_list_20_works_a_page_newest_first()
    {
        await archive.CreateUserAsync("prolific");
        using var client = await archive.LoggedInAsync("prolific");
        for (var i = 1; i <= 21; i++)
        {
            await client.PostWorkAsync($"Drabble {i:00}", fandom: "Paging Fandom");
        }

        using var guest = archive.Guest();
        var (_, first) = await guest.GetAsync("/tags/Paging%20Fandom/works");
        Assert.Equal(20, CountBlurbs(first));
        Assert.Contains("1 – 20 of 21 works", first);
        Assert.Contains("Drabble 21", first);
        Assert.DoesNotContain("Drabble 01<", first);
        Assert.Contains("?page=2", first);

        var (_, second) = await guest.GetAsync("/tags/Paging%20Fandom/works?page=2");
        Assert.Equal(1, CountBlurbs(second));
        Assert.Contains("Drabble 01", second);

        // Next carries the search-after cursor: the same page, reached by key instead of offset.
        var next = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(first, "rel=\"next\" href=\"([^\"]+)\"").Groups[1].Value);
        Assert.Contains("after=", next);
        var (_, viaNext) = await guest.GetAsync(next);
        Assert.Equal(1, CountBlurbs(viaNext));
        Assert.Contains("Drabble 01", viaNext);
        Assert.Contains("21 – 21 of 21 works", viaNext);
    }

    [Fact]
    public async Task Relationship_tags_with_a_slash_have_working_tag_pages()
    {
        await archive.CreateUserAsync("shipper");
        using var client = await archive.LoggedInAsync("shipper");
        var id = await client.PostWorkAsync("Slash Fic", fandom: "Ship Fandom");
        using (var edit = await client.SubmitFormAsync($"/works/{id}/edit", "Save changes",
            [new("Work.Title", "Slash Fic"), new("Work.Fandoms", "Ship Fandom"), new("Work.WarningIds", "14"), new("Work.Relationships", "Aster/Bryn & Co.")]))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, edit.StatusCode);
        }
        var (_, work) = await client.GetAsync($"/works/{id}");
        var link = System.Text.RegularExpressions.Regex.Match(work, "href=\"(/tags/[^\"]+)\">Aster/Bryn &amp; Co.</a>");
        Assert.True(link.Success, "the work page links the relationship tag");
        var (_, tagPage) = await archive.Guest().GetAsync(link.Groups[1].Value);
        Assert.Contains("Slash Fic", tagPage);
    }

    private static int CountBlurbs(string page) => System.Text.RegularExpressions.Regex.Count(page, "<li class=\"blurb\"");
}
