using System.Net;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>Two browsers editing one work through the real edit form.</summary>
public sealed class EditConflictPageTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task The_second_editor_sees_a_conflict_with_their_text_kept_and_can_save_knowingly()
    {
        await archive.CreateUserAsync("twobrowsers");
        using var laptop = await archive.LoggedInAsync("twobrowsers");
        using var phone = await archive.LoggedInAsync("twobrowsers");
        var id = await laptop.PostWorkAsync("Before Anyone Edited");
        var onLaptop = (await laptop.PageAsync($"/works/{id}/edit")).Form("Save changes");
        var onPhone = (await phone.PageAsync($"/works/{id}/edit")).Form("Save changes");

        onLaptop.Set("Work.Title", "Edited On The Laptop");
        using (var saved = await onLaptop.SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        onPhone.Set("Work.Title", "Edited On The Phone").Set("Work.Summary", "A summary typed on the phone");
        using var refused = await onPhone.SubmitAsync();
        var page = new HtmlPage(phone, new Uri($"http://localhost/works/{id}/edit"), await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Someone saved changes to this work after you opened this form", page.Document.Body!.TextContent);
        Assert.Contains(page.Links, l => l.AbsolutePath == $"/works/{id}");
        var again = page.Form("Save changes");
        Assert.Equal("Edited On The Phone", again.Value("Work.Title"));
        Assert.Equal("A summary typed on the phone", again.Value("Work.Summary"));
        Assert.Equal("Edited On The Laptop", await archive.WithDbAsync(db => db.Works.Where(w => w.Id == id).Select(w => w.Title).SingleAsync()));

        using var second = await again.SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("Edited On The Phone", await archive.WithDbAsync(db => db.Works.Where(w => w.Id == id).Select(w => w.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_chapter_edited_in_two_browsers_keeps_the_second_editors_text_on_a_conflict()
    {
        await archive.CreateUserAsync("twochapters");
        using var laptop = await archive.LoggedInAsync("twochapters");
        using var phone = await archive.LoggedInAsync("twochapters");
        var id = await laptop.PostWorkAsync("One Chapter", body: "The chapter as first posted.");
        var chapterId = await archive.WithDbAsync(db => db.Chapters.Where(c => c.WorkId == id).Select(c => c.Id).SingleAsync());
        var path = $"/works/{id}/chapters/{chapterId}/edit";
        var onLaptop = (await laptop.PageAsync(path)).Form("Save chapter");
        var onPhone = (await phone.PageAsync(path)).Form("Save chapter");

        using (var saved = await onLaptop.Set("Chapter.Body", "Rewritten on the laptop.").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        using var refused = await onPhone.Set("Chapter.Body", "Rewritten on the phone, differently.").SubmitAsync();
        var page = new HtmlPage(phone, new Uri($"http://localhost{path}"), await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Someone saved changes to this chapter after you opened this form", page.Document.Body!.TextContent);
        Assert.Equal("Rewritten on the phone, differently.", page.Form("Save chapter").Value("Chapter.Body"));
        Assert.Contains("Rewritten on the laptop.", await archive.WithDbAsync(db => db.Chapters.Where(c => c.Id == chapterId).Select(c => c.Body).SingleAsync()));
    }
}
