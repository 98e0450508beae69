using System.Net;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>A chapter that may not be deleted is said so before a delete button is offered, with the way out instead.</summary>
public sealed class ChapterDeletePageTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task The_only_posted_chapter_offers_no_delete_button_and_links_to_deleting_the_work()
    {
        await archive.CreateUserAsync("onlyposted");
        using var author = await archive.LoggedInAsync("onlyposted");
        var id = await author.PostWorkAsync("Only Posted Fic");
        using (var draft = await author.SubmitFormAsync($"/works/{id}/chapters/new", "Save as draft",
            [new("Chapter.Body", "A draft chapter nobody reads yet.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        }
        var edit = await author.PageAsync($"/works/{id}/edit");
        // The draft chapter may go, and is offered; the posted one is not, but its address can still be typed or bookmarked.
        var deletable = edit.Links.Where(l => l.AbsolutePath.Contains("/chapters/", StringComparison.Ordinal) && l.AbsolutePath.EndsWith("/delete", StringComparison.Ordinal)).ToList();
        var postedEdit = edit.Links.First(l => l.AbsolutePath.Contains("/chapters/", StringComparison.Ordinal) && l.AbsolutePath.EndsWith("/edit", StringComparison.Ordinal));
        var postedDelete = postedEdit.AbsolutePath[..^"/edit".Length] + "/delete";
        Assert.DoesNotContain(deletable, l => l.AbsolutePath == postedDelete);
        Assert.Single(deletable);
        await AssertRefusedUpFrontAsync(author, postedDelete, id, "only posted chapter");
    }

    [Fact]
    public async Task The_only_chapter_offers_no_delete_button_and_links_to_deleting_the_work()
    {
        await archive.CreateUserAsync("onlychapter");
        using var author = await archive.LoggedInAsync("onlychapter");
        var id = await author.PostWorkAsync("Only Chapter Fic");
        // The work's edit page links no deletion for its only chapter; the address is still there to be typed or bookmarked.
        var editChapter = (await author.PageAsync($"/works/{id}/edit")).Links
            .Single(l => l.AbsolutePath.Contains("/chapters/", StringComparison.Ordinal) && l.AbsolutePath.EndsWith("/edit", StringComparison.Ordinal));
        var deletePath = editChapter.AbsolutePath[..^"/edit".Length] + "/delete";
        await AssertRefusedUpFrontAsync(author, deletePath, id, "only chapter");
    }

    private static async Task AssertRefusedUpFrontAsync(WebClient author, string deletePath, int workId, string why)
    {
        var page = await author.PageAsync(deletePath);
        Assert.False(page.HasButton("Yes, delete the chapter"), $"{deletePath} offers to delete a chapter it will refuse to delete");
        Assert.Contains(why, page.Document.Body!.TextContent);
        Assert.Contains(page.Links, l => l.AbsolutePath == $"/works/{workId}/delete");
    }
}
