using Makimono.Hosting;
using Makimono.Tests.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Works;

/// <summary>Two people editing the same work or chapter: the second save never silently overwrites the first.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class EditConflictTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_save_from_a_form_loaded_before_another_save_is_refused(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var saved = await archive.SaveWorkAsync(author);
        var viewer = TestArchive.ViewerFor(author);
        // Both editors open the edit form.
        var first = await OpenFormAsync(archive, saved.Id, viewer, author.Id);
        var second = await OpenFormAsync(archive, saved.Id, viewer, author.Id);

        first.Title = "The First Editor's Title";
        await using (var db = archive.NewContext())
        {
            var work = (await WorkQueries.FindEditableAsync(db, saved.Id, viewer))!;
            Assert.False((await SaveWork.UpdateAsync(db, archive.Clock, viewer, work, first, acceptRemovals: false)).Any);
        }
        second.Title = "The Second Editor's Title";
        await using (var db = archive.NewContext())
        {
            var work = (await WorkQueries.FindEditableAsync(db, saved.Id, viewer))!;
            var errors = await SaveWork.UpdateAsync(db, archive.Clock, viewer, work, second, acceptRemovals: false);
            Assert.StartsWith("Someone saved changes to this work after you opened this form", errors.Fields[EditConflicts.WorkField]);
        }

        await using var check = archive.NewContext();
        Assert.Equal("The First Editor's Title", (await check.Works.SingleAsync()).Title);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Two_saves_racing_from_the_same_version_store_only_one(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var saved = await archive.SaveWorkAsync(author);
        var viewer = TestArchive.ViewerFor(author);
        var first = await OpenFormAsync(archive, saved.Id, viewer, author.Id);
        var second = await OpenFormAsync(archive, saved.Id, viewer, author.Id);
        first.Title = "First";
        second.Title = "Second";
        // Both requests have read the work, and passed the form's version check, before either writes.
        await using var dbOne = archive.NewContext();
        await using var dbTwo = archive.NewContext();
        var workOne = (await WorkQueries.FindEditableAsync(dbOne, saved.Id, viewer))!;
        var workTwo = (await WorkQueries.FindEditableAsync(dbTwo, saved.Id, viewer))!;

        var one = await SaveWork.UpdateAsync(dbOne, archive.Clock, viewer, workOne, first, acceptRemovals: false);
        var two = await SaveWork.UpdateAsync(dbTwo, archive.Clock, viewer, workTwo, second, acceptRemovals: false);

        Assert.False(one.Any);
        Assert.True(EditConflicts.IsConflict(two));
        await using var check = archive.NewContext();
        Assert.Equal("First", (await check.Works.SingleAsync()).Title);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_chapter_saved_from_an_older_form_is_refused(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var saved = await archive.SaveWorkAsync(author);
        var viewer = TestArchive.ViewerFor(author);
        var chapterId = saved.Chapters.Single().Id;
        ChapterForm first = new(), second = new();
        await using (var db = archive.NewContext())
        {
            var chapter = (await WorkQueries.FindEditableAsync(db, saved.Id, viewer))!.Chapters.Single();
            ChapterEditing.FillForm(first, chapter);
            ChapterEditing.FillForm(second, chapter);
        }
        first.Body = "The first editor rewrote the chapter entirely.";
        second.Body = "The second editor rewrote it differently.";

        foreach (var (form, expectConflict) in new[] { (first, false), (second, true) })
        {
            await using var db = archive.NewContext();
            var work = (await WorkQueries.FindEditableAsync(db, saved.Id, viewer))!;
            var errors = await ChapterEditing.UpdateAsync(db, archive.Clock, work, work.Chapters.Single(c => c.Id == chapterId), form, post: null, acceptRemovals: false);
            Assert.Equal(expectConflict, EditConflicts.IsConflict(errors));
        }

        await using var check = archive.NewContext();
        Assert.Contains("The first editor rewrote", (await check.Chapters.SingleAsync()).Body, StringComparison.Ordinal);
    }

    private static async Task<WorkForm> OpenFormAsync(TestArchive archive, int id, Makimono.Accounts.Viewer viewer, int userId)
    {
        await using var db = archive.NewContext();
        var form = new WorkForm();
        SaveWork.FillForm(form, (await WorkQueries.FindEditableAsync(db, id, viewer))!, userId);
        return form;
    }
}
