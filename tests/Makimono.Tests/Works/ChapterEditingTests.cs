using Makimono.Accounts;
using Makimono.Hosting;
using Makimono.Tests.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Works;

/// <summary>Each step loads the work in a new context, as a web request would.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ChapterEditingTests(TestDatabases databases)
{
    private const string SecondBody = "The dragon stayed for tea.";
    private const int SecondBodyWords = 5;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Posting_the_last_expected_chapter_completes_the_work(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var saved = await archive.SaveWorkAsync(author, f => f.ExpectedChapters = "2");
        Assert.Equal("1/2", WorkStats.ChapterFraction(saved));
        Assert.False(saved.IsComplete);
        archive.Clock.Advance(TimeSpan.FromHours(1));

        await using (var db = archive.NewContext())
        {
            var work = (await WorkQueries.FindEditableAsync(db, saved.Id, TestArchive.ViewerFor(author)))!;
            var (chapter, errors) = await ChapterEditing.AddAsync(db, archive.Clock, work, Forms.Chapter(SecondBody, "Tea"), post: true, acceptRemovals: false);
            Assert.False(errors.Any);
            Assert.NotNull(chapter);
        }

        await using var check = archive.NewContext();
        var stored = await archive.LoadWorkAsync(check, saved.Id);
        Assert.Equal("2/2", WorkStats.ChapterFraction(stored));
        Assert.True(stored.IsComplete);
        Assert.Equal(Forms.BodyWords + SecondBodyWords, stored.WordCount);
        Assert.Equal(archive.Clock.GetUtcNow().UtcDateTime, stored.UpdatedAt);
        Assert.Equal([(1, (string?)null), (2, "Tea")], stored.Chapters.OrderBy(c => c.Position).Select(c => (c.Position, c.Title)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Only_posted_text_moves_the_updated_date(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var saved = await archive.SaveWorkAsync(author);
        var posted = saved.UpdatedAt;

        archive.Clock.Advance(TimeSpan.FromDays(1));
        await using (var db = archive.NewContext())
        {
            var work = (await WorkQueries.FindEditableAsync(db, saved.Id, TestArchive.ViewerFor(author)))!;
            var form = new WorkForm();
            SaveWork.FillForm(form, work, author.Id);
            form.Freeforms = "Retagged";
            Assert.False((await SaveWork.UpdateAsync(db, archive.Clock, TestArchive.ViewerFor(author), work, form, acceptRemovals: false)).Any);
        }
        await AddAsync(archive, author, saved.Id, SecondBody, post: false);
        await using (var check = archive.NewContext())
        {
            Assert.Equal(posted, (await check.Works.SingleAsync()).UpdatedAt);
        }

        archive.Clock.Advance(TimeSpan.FromDays(1));
        await AddAsync(archive, author, saved.Id, SecondBody, post: true);
        await using var after = archive.NewContext();
        Assert.Equal(archive.Clock.GetUtcNow().UtcDateTime, (await after.Works.SingleAsync()).UpdatedAt);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Posting_past_the_expected_count_raises_it(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var saved = await archive.SaveWorkAsync(author, f => f.ExpectedChapters = "1");
        Assert.True(saved.IsComplete);

        await AddAsync(archive, author, saved.Id, SecondBody, post: true);

        await using var check = archive.NewContext();
        var stored = await check.Works.SingleAsync();
        Assert.Equal("2/2", WorkStats.ChapterFraction(stored));
        Assert.True(stored.IsComplete);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_draft_chapter_is_not_counted_and_only_creators_read_it(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var reader = await archive.CreateUserAsync("Hana");
        var saved = await archive.SaveWorkAsync(author);

        await AddAsync(archive, author, saved.Id, SecondBody, post: false);

        await using var check = archive.NewContext();
        var asReader = (await WorkQueries.FindVisibleAsync(check, saved.Id, TestArchive.ViewerFor(reader)))!;
        Assert.Equal(2, asReader.Chapters.Count);
        Assert.Equal(1, asReader.PostedChapterCount);
        Assert.Equal(Forms.BodyWords, asReader.WordCount);
        Assert.Equal("1/?", WorkStats.ChapterFraction(asReader));
        Assert.Equal([1], WorkAccess.ReadableChapters(asReader, TestArchive.ViewerFor(reader)).Select(c => c.Position));
        Assert.Equal([1], WorkAccess.ReadableChapters(asReader, Viewer.Guest).Select(c => c.Position));
        Assert.Equal([1, 2], WorkAccess.ReadableChapters(asReader, TestArchive.ViewerFor(author)).Select(c => c.Position));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Updating_a_chapter_recounts_and_can_post_a_draft(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var saved = await archive.SaveWorkAsync(author);
        var draftId = await AddAsync(archive, author, saved.Id, SecondBody, post: false);
        archive.Clock.Advance(TimeSpan.FromDays(1));

        await using (var db = archive.NewContext())
        {
            var work = (await WorkQueries.FindEditableAsync(db, saved.Id, TestArchive.ViewerFor(author)))!;
            var chapter = work.Chapters.Single(c => c.Id == draftId);
            var errors = await ChapterEditing.UpdateAsync(
                db, archive.Clock, work, chapter, Forms.Chapter("<p>Two <em>short</em> paragraphs.</p><p>Really.</p>", "Renamed"),
                post: true, acceptRemovals: false);
            Assert.False(errors.Any);
        }

        await using var check = archive.NewContext();
        var stored = await archive.LoadWorkAsync(check, saved.Id);
        var updated = stored.Chapters.Single(c => c.Id == draftId);
        Assert.Equal("Renamed", updated.Title);
        Assert.False(updated.IsDraft);
        Assert.Equal(4, updated.WordCount);
        Assert.Equal(archive.Clock.GetUtcNow().UtcDateTime, updated.UpdatedAt);
        Assert.Equal(2, stored.PostedChapterCount);
        Assert.Equal(Forms.BodyWords + 4, stored.WordCount);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Moving_a_chapter_reorders_the_others(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var saved = await archive.SaveWorkAsync(author);
        await AddAsync(archive, author, saved.Id, "The second chapter text.", post: true);
        var thirdId = await AddAsync(archive, author, saved.Id, "The third chapter text.", post: true);

        await using (var db = archive.NewContext())
        {
            var work = (await WorkQueries.FindEditableAsync(db, saved.Id, TestArchive.ViewerFor(author)))!;
            await ChapterEditing.MoveAsync(db, work, thirdId, newPosition: 1);
        }

        await using var check = archive.NewContext();
        var order = await check.Chapters.OrderBy(c => c.Position).Select(c => new { c.Position, c.Body }).ToListAsync();
        Assert.Equal([1, 2, 3], order.Select(c => c.Position));
        Assert.Equal(
            ["<p>The third chapter text.</p>", $"<p>{Forms.Body}</p>", "<p>The second chapter text.</p>"],
            order.Select(c => c.Body));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_only_chapter_cannot_be_deleted(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var saved = await archive.SaveWorkAsync(author);

        await using (var db = archive.NewContext())
        {
            var work = (await WorkQueries.FindEditableAsync(db, saved.Id, TestArchive.ViewerFor(author)))!;
            var message = await ChapterEditing.DeleteAsync(db, work, work.Chapters[0]);
            Assert.Equal("This is the work's only chapter. Delete the work instead.", message);
        }

        await using var check = archive.NewContext();
        Assert.Equal(1, await check.Chapters.CountAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Deleting_a_chapter_closes_the_gap_and_recounts(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var saved = await archive.SaveWorkAsync(author);
        await AddAsync(archive, author, saved.Id, SecondBody, post: true);
        await AddAsync(archive, author, saved.Id, "The third chapter text.", post: true);

        await using (var db = archive.NewContext())
        {
            var work = (await WorkQueries.FindEditableAsync(db, saved.Id, TestArchive.ViewerFor(author)))!;
            Assert.Null(await ChapterEditing.DeleteAsync(db, work, work.Chapters.Single(c => c.Position == 1)));
        }

        await using var check = archive.NewContext();
        var stored = await archive.LoadWorkAsync(check, saved.Id);
        Assert.Equal([(1, SecondBodyWords), (2, 4)], stored.Chapters.OrderBy(c => c.Position).Select(c => (c.Position, c.WordCount)));
        Assert.Equal(2, stored.PostedChapterCount);
        Assert.Equal(SecondBodyWords + 4, stored.WordCount);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task New_chapters_record_when_they_were_written(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var saved = await archive.SaveWorkAsync(author);
        archive.Clock.Advance(TimeSpan.FromDays(2));
        var addedId = await AddAsync(archive, author, saved.Id, SecondBody, post: true);

        await using var check = archive.NewContext();
        var chapters = await check.Chapters.OrderBy(c => c.Position).ToListAsync();
        Assert.Equal(TestArchive.Start.UtcDateTime, chapters[0].UpdatedAt);
        Assert.Equal(addedId, chapters[1].Id);
        Assert.Equal(archive.Clock.GetUtcNow().UtcDateTime, chapters[1].UpdatedAt);
    }

    /// <summary>Readers of a posted work must always have a chapter to read.</summary>
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_only_posted_chapter_of_a_posted_work_cannot_be_deleted(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var saved = await archive.SaveWorkAsync(author);
        await AddAsync(archive, author, saved.Id, SecondBody, post: false);

        await using (var db = archive.NewContext())
        {
            var work = (await WorkQueries.FindEditableAsync(db, saved.Id, TestArchive.ViewerFor(author)))!;
            Assert.NotNull(await ChapterEditing.DeleteAsync(db, work, work.Chapters.Single(c => !c.IsDraft)));
        }

        await using var check = archive.NewContext();
        Assert.Equal(1, (await check.Works.SingleAsync()).PostedChapterCount);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Posting_a_draft_work_posts_its_chapters(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var saved = await archive.SaveWorkAsync(author, post: false);
        await AddAsync(archive, author, saved.Id, SecondBody, post: false);

        await using (var db = archive.NewContext())
        {
            var work = (await WorkQueries.FindEditableAsync(db, saved.Id, TestArchive.ViewerFor(author)))!;
            await SaveWork.PostDraftAsync(db, archive.Clock, work);
        }

        await using var check = archive.NewContext();
        var stored = await archive.LoadWorkAsync(check, saved.Id);
        Assert.False(stored.IsDraft);
        Assert.All(stored.Chapters, c => Assert.False(c.IsDraft));
        Assert.Equal(2, stored.PostedChapterCount);
        Assert.Equal(Forms.BodyWords + SecondBodyWords, stored.WordCount);
        Assert.True(await check.Works.VisibleTo(Viewer.Guest).AnyAsync());
    }

    private static async Task<int> AddAsync(TestArchive archive, User author, int workId, string body, bool post)
    {
        await using var db = archive.NewContext();
        var work = (await WorkQueries.FindEditableAsync(db, workId, TestArchive.ViewerFor(author)))!;
        var (chapter, errors) = await ChapterEditing.AddAsync(db, archive.Clock, work, Forms.Chapter(body), post, acceptRemovals: false);
        Assert.False(errors.Any, string.Join("; ", errors.Fields.Values));
        return chapter!.Id;
    }
}
