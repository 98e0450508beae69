using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

public sealed class ChapterEditFormTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task A_plain_text_chapter_comes_back_as_typed_and_saving_it_unchanged_leaves_the_stored_body_as_it_was()
    {
        await archive.CreateUserAsync("plaintyper");
        using var author = await archive.LoggedInAsync("plaintyper");
        const string typed = "Line one & two.\nSecond line <3 here.";
        const string typedNotes = "Notes & more.\nA second <3 line.";
        var id = await author.PostWorkAsync("Plain Typed Fic", body: typed);
        var storedBefore = await archive.WithDbAsync(db => db.Chapters.Where(c => c.WorkId == id).Select(c => c.Body).SingleAsync());

        var editChapter = (await author.PageAsync($"/works/{id}/edit")).Links
            .Single(l => l.AbsolutePath.Contains("/chapters/", StringComparison.Ordinal) && l.AbsolutePath.EndsWith("/edit", StringComparison.Ordinal));
        var form = (await author.PageAsync(editChapter.PathAndQuery)).Form("Save chapter");
        Assert.Equal(typed, form.Value("Chapter.Body"));

        // Saved once unchanged, and once with notes typed the same way, which come back as typed too.
        using (var saved = await form.Set("Chapter.Notes", typedNotes).SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var storedAfter = await archive.WithDbAsync(db => db.Chapters.Where(c => c.WorkId == id).Select(c => c.Body).SingleAsync());
        Assert.Equal(storedBefore, storedAfter);
        var again = (await author.PageAsync(editChapter.PathAndQuery)).Form("Save chapter");
        Assert.Equal(typed, again.Value("Chapter.Body"));
        Assert.Equal(typedNotes, again.Value("Chapter.Notes"));
    }
}
