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
}
