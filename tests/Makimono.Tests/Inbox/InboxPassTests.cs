using Makimono.Hosting;
using Makimono.Inbox;
using Makimono.Tests.Database;
using Makimono.Tests.Works;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using static Makimono.Tests.Inbox.InboxTestRuns;

namespace Makimono.Tests.Inbox;

/// <summary>The worker's pass as several web nodes and restarts see it: each item once, nothing missed.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class InboxPassTests(TestDatabases databases)
{
    private static async Task PostChapterAsync(TestArchive archive, Work work)
    {
        archive.Clock.Advance(TimeSpan.FromMinutes(1));
        var (_, errors) = await ChapterEditing.AddAsync(archive.Db, archive.Clock, work, Forms.Chapter(), post: true, acceptRemovals: false);
        Assert.False(errors.Any);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Two_workers_on_one_database_give_each_item_once(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider, sqliteFile: true);
        var author = await archive.CreateUserAsync("Author");
        var readers = new List<Makimono.Accounts.User>();
        for (var i = 0; i < 5; i++)
        {
            readers.Add(await archive.CreateUserAsync($"Reader{i}"));
        }
        var work = await archive.SaveWorkAsync(author);
        var nodeA = await StartedPassAsync(archive);
        var nodeB = await StartedPassAsync(archive);
        foreach (var reader in readers)
        {
            await SubscribeAsync(archive, reader, SubscriptionTarget.Work, work.Id);
            await SubscribeAsync(archive, reader, SubscriptionTarget.User, author.Id);
        }
        for (var i = 0; i < 3; i++)
        {
            await PostChapterAsync(archive, work);
        }
        await archive.SaveWorkAsync(author, f => f.Title = "Another");

        // Both nodes at once, then each again: 5 readers × (3 chapters + 1 work).
        var written = await Task.WhenAll(nodeA.RunAsync(archive), nodeB.RunAsync(archive));
        written = [.. written, await nodeA.RunAsync(archive), await nodeB.RunAsync(archive)];
        Assert.Equal(5 * 4, written.Sum());
        await using var db = archive.NewContext();
        Assert.Equal(5 * 4, await db.InboxItems.CountAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_restarted_worker_resumes_from_its_kept_place_missing_nothing_and_repeating_nothing(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var reader = await archive.CreateUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author);
        var before = await StartedPassAsync(archive);
        await SubscribeAsync(archive, reader, SubscriptionTarget.Work, work.Id);
        await PostChapterAsync(archive, work);
        Assert.Equal(1, await before.RunAsync(archive));
        await using (var db = archive.NewContext())
        {
            await db.InboxItems.ExecuteUpdateAsync(s => s.SetProperty(i => i.ReadAt, archive.Clock.GetUtcNow().UtcDateTime));
        }

        // While no worker runs, a chapter is posted; a new process (a fresh pass) must still tell of it.
        await PostChapterAsync(archive, work);
        var after = new InboxPass(archive.Clock);
        Assert.Equal(1, await after.RunAsync(archive));

        var items = await ItemsOfAsync(archive, reader.Id);
        Assert.Equal(2, items.Count);
        Assert.NotNull(items[0].ReadAt);
        Assert.Null(items[1].ReadAt);
        await using (var db = archive.NewContext())
        {
            var kept = await db.ChangeLogPositions.SingleAsync(p => p.Name == InboxPass.ReaderName);
            Assert.Equal(await db.ArchiveChanges.MaxAsync(c => c.Id), kept.Position);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_first_start_begins_at_the_end_of_the_log_and_every_step_runs_after_the_pass(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var reader = await archive.CreateUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author);
        await SubscribeAsync(archive, reader, SubscriptionTarget.Work, work.Id);
        await PostChapterAsync(archive, work);

        // The log before the first start is not read (a replay from its beginning would tell of that chapter).
        var step = new CountingStep();
        var pass = new InboxPass(archive.Clock);
        Assert.Equal(0, await pass.RunAsync(archive, step));
        // The next change to the work is read against the database as it is: both chapters posted since subscribing.
        await PostChapterAsync(archive, work);
        Assert.Equal(2, await pass.RunAsync(archive, step));
        Assert.Equal([0, 2], step.ItemsSeen);
    }

    private sealed class CountingStep : IInboxWorkerStep
    {
        public List<int> ItemsSeen { get; } = [];

        public async Task RunAsync(Makimono.Database.ArchiveDbContext db, CancellationToken ct) => ItemsSeen.Add(await db.InboxItems.CountAsync(ct));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_worker_behind_the_pruned_change_log_goes_on_instead_of_failing_every_pass(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var reader = await archive.CreateUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author);
        var stopped = await StartedPassAsync(archive);
        await SubscribeAsync(archive, reader, SubscriptionTarget.Work, work.Id);

        // The worker stops; a chapter is posted, and the log's rows for it are pruned a retention later.
        var retention = TimeSpan.FromDays(7);
        await PostChapterAsync(archive, work);
        await using (var db = archive.NewContext())
        {
            await Makimono.Changes.ChangeLogRetention.RunAsync(db, archive.Clock, retention);
        }
        archive.Clock.Advance(retention + TimeSpan.FromHours(1));
        await using (var db = archive.NewContext())
        {
            Assert.True(await Makimono.Changes.ChangeLogRetention.RunAsync(db, archive.Clock, retention) > 0);
        }

        // Back at work, a new chapter still reaches the subscriber, and later passes run clean.
        await PostChapterAsync(archive, work);
        await stopped.RunAsync(archive);
        var items = await ItemsOfAsync(archive, reader.Id);
        Assert.Contains(items, i => i.WorkId == work.Id && i.Kind == InboxKind.NewChapter);
        Assert.Equal(0, await stopped.RunAsync(archive));
    }
}
