using Makimono.Accounts;
using Makimono.Hosting;
using Makimono.Reading.History;
using Makimono.Tests.Database;
using Makimono.Tests.Tags;
using Makimono.Tests.Works;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Reading;

[Collection(DatabaseCollection.Name)]
public sealed class ReadingHistoryTests(TestDatabases databases)
{
    private static async Task<(Work Work, int First, int Second)> TwoChapterWorkAsync(TestArchive archive, User author, string title = "Two Parts")
    {
        var saved = await archive.SaveWorkAsync(author, f => { f.Title = title; f.ExpectedChapters = "2"; });
        await using var db = archive.NewContext();
        var work = (await WorkQueries.FindEditableAsync(db, saved.Id, author.AsViewer()))!;
        var (second, errors) = await ChapterEditing.AddAsync(db, archive.Clock, work, Forms.Chapter("The second part, which is long enough.", "Two"), post: true, acceptRemovals: false);
        Assert.False(errors.Any);
        return (saved, work.Chapters.OrderBy(c => c.Position).First().Id, second!.Id);
    }

    private static async Task<ReadingPosition?> PositionAsync(TestArchive archive, User user, int workId)
    {
        await using var db = archive.NewContext();
        return await db.ReadingPositions.SingleOrDefaultAsync(p => p.UserId == user.Id && p.WorkId == workId);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_visit_is_one_row_per_work_that_moves_with_the_reader(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var reader = await archive.CreateUserAsync("Hana");
        var (work, first, second) = await TwoChapterWorkAsync(archive, author);

        await ReadingHistory.RecordAsync(archive.Db, archive.Clock, reader.Id, work.Id, first, CancellationToken.None);
        var opened = (await PositionAsync(archive, reader, work.Id))!;
        Assert.Equal((first, 1, TestArchive.Start.UtcDateTime), (opened.ChapterId!.Value, opened.Visits, opened.LastReadAt!.Value));

        archive.Clock.Advance(TimeSpan.FromMinutes(30));
        await ReadingHistory.RecordAsync(archive.Db, archive.Clock, reader.Id, work.Id, second, CancellationToken.None);
        archive.Clock.Advance(TimeSpan.FromMinutes(30));
        // The whole work at once: the time and the count move, the chapter known before stays.
        await ReadingHistory.RecordAsync(archive.Db, archive.Clock, reader.Id, work.Id, null, CancellationToken.None);
        var moved = (await PositionAsync(archive, reader, work.Id))!;
        Assert.Equal((second, 3, TestArchive.Start.UtcDateTime.AddHours(1)), (moved.ChapterId!.Value, moved.Visits, moved.LastReadAt!.Value));
        await using var db = archive.NewContext();
        Assert.Equal(1, await db.ReadingPositions.CountAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task With_history_off_nothing_is_recorded_and_what_was_stays_until_cleared(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var reader = await archive.CreateUserAsync("Hana");
        var (work, first, second) = await TwoChapterWorkAsync(archive, author);
        var other = await archive.SaveWorkAsync(author, f => f.Title = "Other");
        await ReadingHistory.RecordAsync(archive.Db, archive.Clock, reader.Id, work.Id, first, CancellationToken.None);

        Assert.True(await ReadingHistory.IsOnAsync(archive.Db, reader.Id, CancellationToken.None));
        await ReadingHistory.SetOnAsync(archive.Db, reader.Id, on: false, CancellationToken.None);
        Assert.False(await ReadingHistory.IsOnAsync(archive.Db, reader.Id, CancellationToken.None));
        await ReadingHistory.RecordAsync(archive.Db, archive.Clock, reader.Id, work.Id, second, CancellationToken.None);
        await ReadingHistory.RecordAsync(archive.Db, archive.Clock, reader.Id, other.Id, null, CancellationToken.None);

        var kept = (await PositionAsync(archive, reader, work.Id))!;
        Assert.Equal((first, 1), (kept.ChapterId!.Value, kept.Visits));
        Assert.Null(await PositionAsync(archive, reader, other.Id));

        await ReadingHistory.SetOnAsync(archive.Db, reader.Id, on: true, CancellationToken.None);
        await ReadingHistory.RecordAsync(archive.Db, archive.Clock, reader.Id, other.Id, null, CancellationToken.None);
        Assert.NotNull(await PositionAsync(archive, reader, other.Id));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Clearing_forgets_visits_and_keeps_what_is_marked_for_later(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var reader = await archive.CreateUserAsync("Hana");
        var neighbour = await archive.CreateUserAsync("Yuki");
        var (work, first, _) = await TwoChapterWorkAsync(archive, author);
        var later = await archive.SaveWorkAsync(author, f => f.Title = "Later");
        await ReadingHistory.RecordAsync(archive.Db, archive.Clock, reader.Id, work.Id, first, CancellationToken.None);
        await ReadingHistory.RecordAsync(archive.Db, archive.Clock, reader.Id, later.Id, null, CancellationToken.None);
        await ReadingHistory.RecordAsync(archive.Db, archive.Clock, neighbour.Id, work.Id, first, CancellationToken.None);
        Assert.True(await ReadingHistory.SetMarkedForLaterAsync(archive.Db, reader.AsViewer(), later.Id, true, CancellationToken.None));

        await ReadingHistory.ClearAsync(archive.Db, reader.Id, CancellationToken.None);

        Assert.Null(await PositionAsync(archive, reader, work.Id));
        var marked = (await PositionAsync(archive, reader, later.Id))!;
        Assert.True(marked.MarkedForLater);
        Assert.Equal((null, null, 0), (marked.ChapterId, marked.LastReadAt, marked.Visits));
        Assert.NotNull(await PositionAsync(archive, neighbour, work.Id));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Only_readable_posted_works_are_marked_for_later_and_unmarking_an_unread_one_leaves_nothing(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var reader = await archive.CreateUserAsync("Hana");
        var draft = await archive.SaveWorkAsync(author, post: false);
        var hidden = await archive.SaveWorkAsync(author);
        hidden.IsHidden = true;
        await archive.Db.SaveChangesAsync();
        var work = await archive.SaveWorkAsync(author);

        Assert.False(await ReadingHistory.SetMarkedForLaterAsync(archive.Db, reader.AsViewer(), draft.Id, true, CancellationToken.None));
        Assert.False(await ReadingHistory.SetMarkedForLaterAsync(archive.Db, reader.AsViewer(), hidden.Id, true, CancellationToken.None));
        Assert.False(await ReadingHistory.SetMarkedForLaterAsync(archive.Db, Viewer.Guest, work.Id, true, CancellationToken.None));
        Assert.True(await ReadingHistory.SetMarkedForLaterAsync(archive.Db, reader.AsViewer(), work.Id, true, CancellationToken.None));
        Assert.True((await PositionAsync(archive, reader, work.Id))!.MarkedForLater);
        Assert.True(await ReadingHistory.SetMarkedForLaterAsync(archive.Db, reader.AsViewer(), work.Id, false, CancellationToken.None));
        await using var db = archive.NewContext();
        Assert.Equal(0, await db.ReadingPositions.CountAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Continue_reading_lists_the_latest_readable_works_with_the_chapter_while_it_is_posted(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var reader = await archive.CreateUserAsync("Hana");
        var (work, _, second) = await TwoChapterWorkAsync(archive, author);
        var gone = await archive.SaveWorkAsync(author, f => f.Title = "Soon hidden");
        var single = await archive.SaveWorkAsync(author, f => f.Title = "One shot");
        await ReadingHistory.RecordAsync(archive.Db, archive.Clock, reader.Id, work.Id, second, CancellationToken.None);
        archive.Clock.Advance(TimeSpan.FromMinutes(1));
        await ReadingHistory.RecordAsync(archive.Db, archive.Clock, reader.Id, gone.Id, null, CancellationToken.None);
        archive.Clock.Advance(TimeSpan.FromMinutes(1));
        await ReadingHistory.RecordAsync(archive.Db, archive.Clock, reader.Id, single.Id, null, CancellationToken.None);
        gone.IsHidden = true;
        await archive.Db.SaveChangesAsync();

        var recent = await ReadingHistory.ContinueAsync(archive.NewContext(), reader.AsViewer(), 5, CancellationToken.None);
        Assert.Equal([single.Id, work.Id], recent.Select(r => r.WorkId));
        Assert.Equal($"/works/{work.Id}/chapters/{second}", recent[1].Url);
        Assert.Equal(2, recent[1].ChapterNumber);
        Assert.Equal($"/works/{single.Id}", recent[0].Url);
        Assert.Empty(await ReadingHistory.ContinueAsync(archive.NewContext(), Viewer.Guest, 5, CancellationToken.None));
    }
}
