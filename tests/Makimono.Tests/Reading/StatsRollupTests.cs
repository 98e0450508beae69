using Makimono.Accounts;
using Makimono.Hosting;
using Makimono.Inbox;
using Makimono.Reading.Stats;
using Makimono.Responses.Bookmarks;
using Makimono.Responses.Comments;
using Makimono.Responses.Kudos;
using Makimono.Tests.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Reading;

/// <summary>
/// Kudos, published comments, public bookmarks and subscriptions to a work, counted into the work's days from the
/// change log, from a position kept in the database, by as many nodes as run the rollup.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class StatsRollupTests(TestDatabases databases)
{
    private static async Task<Dictionary<DateOnly, (int Hits, int Kudos, int Comments, int Bookmarks, int Subscriptions)>> DaysAsync(TestArchive archive, int workId)
    {
        await using var db = archive.NewContext();
        return await db.Set<WorkDay>().Where(d => d.WorkId == workId)
            .ToDictionaryAsync(d => d.Day, d => (d.Hits, d.Kudos, d.Comments, d.Bookmarks, d.Subscriptions));
    }

    private static async Task<int> RunAsync(TestArchive archive, StatsRollupPass pass)
    {
        await using var db = archive.NewContext();
        return await pass.RunAsync(db, CancellationToken.None);
    }

    private static Comment CommentBy(User user, Work work, DateTime at, CommentState state) => new()
    {
        WorkId = work.Id, ChapterId = work.Chapters[0].Id, UserId = user.Id, PseudId = user.Pseuds[0].Id, Body = "<p>Lovely.</p>", CreatedAt = at, State = state,
    };

    private static Bookmark BookmarkBy(User user, Work work, DateTime at, bool isPrivate) => new()
    {
        UserId = user.Id, PseudId = user.Pseuds[0].Id, WorkId = work.Id, CreatedAt = at, UpdatedAt = at, IsPrivate = isPrivate,
    };

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Responses_count_on_the_day_they_were_made_once_published_and_public_and_every_node_agrees(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("author");
        var readers = new List<User>();
        foreach (var name in new[] { "reader1", "reader2", "reader3" })
        {
            readers.Add(await archive.CreateUserAsync(name));
        }
        var work = await archive.LoadWorkAsync(archive.Db, (await archive.SaveWorkAsync(author)).Id);
        var node = new StatsRollupPass(archive.Clock);
        Assert.Equal(0, await RunAsync(archive, node));
        var day1 = archive.Today;
        var now = archive.Clock.GetUtcNow().UtcDateTime;
        await archive.Db.Set<WorkDay>().AddAsync(new WorkDay { WorkId = work.Id, Day = day1, Hits = 7 });
        archive.Db.Kudos.AddRange(new Kudos { WorkId = work.Id, UserId = readers[0].Id, CreatedAt = now },
            new Kudos { WorkId = work.Id, GuestKey = "a-guest", CreatedAt = now });
        var held = CommentBy(readers[1], work, now, CommentState.Held);
        archive.Db.Comments.AddRange(CommentBy(readers[0], work, now, CommentState.Published), held);
        var shared = BookmarkBy(readers[0], work, now, isPrivate: false);
        archive.Db.Bookmarks.AddRange(shared, BookmarkBy(readers[1], work, now, isPrivate: true));
        archive.Db.Subscriptions.AddRange(new Subscription { UserId = readers[0].Id, WorkId = work.Id, CreatedAt = now },
            new Subscription { UserId = readers[1].Id, TargetUserId = author.Id, CreatedAt = now });
        await archive.Db.SaveChangesAsync();

        Assert.Equal(1, await RunAsync(archive, node));
        Assert.Equal((7, 2, 1, 1, 1), (await DaysAsync(archive, work.Id))[day1]);

        // The next day: the held comment is approved (it counts on the day it was written), a bookmark turns private,
        // and a new kudos lands on the new day.
        archive.Clock.Advance(TimeSpan.FromDays(1));
        held.State = CommentState.Published;
        shared.IsPrivate = true;
        archive.Db.Kudos.Add(new Kudos { WorkId = work.Id, UserId = readers[2].Id, CreatedAt = archive.Clock.GetUtcNow().UtcDateTime });
        await archive.Db.SaveChangesAsync();
        Assert.Equal(2, await RunAsync(archive, node));
        var days = await DaysAsync(archive, work.Id);
        Assert.Equal((7, 2, 2, 0, 1), days[day1]);
        Assert.Equal((0, 1, 0, 0, 0), days[archive.Today]);

        // A second node starts from the kept position: nothing left to do, and the figures stay.
        var second = new StatsRollupPass(archive.Clock);
        Assert.Equal(0, await RunAsync(archive, second));
        // Both read the next change and write the same figures.
        archive.Db.Subscriptions.Add(new Subscription { UserId = readers[2].Id, WorkId = work.Id, CreatedAt = archive.Clock.GetUtcNow().UtcDateTime });
        await archive.Db.SaveChangesAsync();
        Assert.Equal(1, await RunAsync(archive, node));
        Assert.Equal(1, await RunAsync(archive, second));
        Assert.Equal((0, 1, 0, 0, 1), (await DaysAsync(archive, work.Id))[archive.Today]);

        await using var check = archive.NewContext();
        var totals = (await AuthorStats.TotalsAsync(check, author.Id, TestArchive.ViewerFor(author))).Single();
        Assert.Equal((3, 2, 0, 2), (totals.Kudos, totals.Comments, totals.Bookmarks, totals.Subscriptions));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_first_start_counts_the_responses_made_before_the_statistics_existed(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("author");
        var reader = await archive.CreateUserAsync("reader");
        var work = await archive.LoadWorkAsync(archive.Db, (await archive.SaveWorkAsync(author)).Id);
        var earlier = archive.Clock.GetUtcNow().UtcDateTime.AddDays(-10);
        archive.Db.Kudos.Add(new Kudos { WorkId = work.Id, UserId = reader.Id, CreatedAt = earlier });
        archive.Db.Comments.Add(CommentBy(reader, work, earlier.AddDays(1), CommentState.Published));
        await archive.Db.SaveChangesAsync();
        // As if the log had been read past these rows by an older version without statistics.
        await archive.Db.ArchiveChanges.ExecuteDeleteAsync();

        await RunAsync(archive, new StatsRollupPass(archive.Clock));
        var days = await DaysAsync(archive, work.Id);
        Assert.Equal((0, 1, 0, 0, 0), days[DateOnly.FromDateTime(earlier)]);
        Assert.Equal((0, 0, 1, 0, 0), days[DateOnly.FromDateTime(earlier).AddDays(1)]);
        await using var db = archive.NewContext();
        Assert.True(await db.ChangeLogPositions.AnyAsync(p => p.Name == StatsRollup.PositionName));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_rollup_behind_the_pruned_change_log_recounts_from_the_responses_instead_of_failing(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("author");
        var reader = await archive.CreateUserAsync("reader");
        var work = await archive.SaveWorkAsync(author);
        var node = new StatsRollupPass(archive.Clock);
        Assert.Equal(0, await RunAsync(archive, node));

        // The rollup stops; kudos arrive, and the log's rows for them are pruned a retention later.
        var retention = TimeSpan.FromDays(7);
        await archive.Db.Kudos.AddAsync(new Kudos { WorkId = work.Id, UserId = reader.Id, CreatedAt = archive.Clock.GetUtcNow().UtcDateTime });
        await archive.Db.SaveChangesAsync();
        var day = archive.Today;
        await using (var db = archive.NewContext())
        {
            await Makimono.Changes.ChangeLogRetention.RunAsync(db, archive.Clock, retention);
        }
        archive.Clock.Advance(retention + TimeSpan.FromHours(1));
        await using (var db = archive.NewContext())
        {
            Assert.True(await Makimono.Changes.ChangeLogRetention.RunAsync(db, archive.Clock, retention) > 0);
        }

        await RunAsync(archive, node);
        Assert.Equal(1, (await DaysAsync(archive, work.Id))[day].Kudos);
        Assert.Equal(0, await RunAsync(archive, node));
    }
}
