using System.Net;
using Makimono.Accounts;
using Makimono.Hosting;
using Makimono.Reading.Hits;
using Makimono.Reading.Stats;
using Makimono.Tests.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Makimono.Tests.Reading;

/// <summary>Hits: one per signed-in user or per address, per work and day, however many nodes buffered the visit.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class HitTests(TestDatabases databases)
{
    /// <summary>One web node: its own buffer and its own cache of day secrets, sharing the database.</summary>
    private sealed class Node : IDisposable
    {
        public HitBuffer Buffer { get; } = new(Options.Create(new HitOptions()), NullLogger<HitBuffer>.Instance);
        public VisitorKeys Keys { get; } = new();

        public void View(TestArchive archive, Work work, Viewer viewer, string? address = null) =>
            HitCounting.Record(Buffer, archive.Clock, work, viewer, address is null ? null : IPAddress.Parse(address));

        public async Task<int> FlushAsync(TestArchive archive)
        {
            await using var db = archive.NewContext();
            return (await HitFlush.WriteAsync(db, Keys, Buffer.Take(int.MaxValue), CancellationToken.None)).Values.Sum();
        }

        public void Dispose() => Buffer.Dispose();
    }

    private static async Task<(int HitCount, List<WorkDay> Days, int Visitors)> StoredAsync(TestArchive archive, int workId)
    {
        await using var db = archive.NewContext();
        return (await db.Works.Where(w => w.Id == workId).Select(w => w.HitCount).SingleAsync(),
            await db.Set<WorkDay>().Where(d => d.WorkId == workId).OrderBy(d => d.Day).ToListAsync(),
            await db.Set<HitVisitor>().CountAsync(v => v.WorkId == workId));
    }

    private static async Task<(TestArchive, Work)> ArchiveWithWorkAsync(TestDatabases databases, DatabaseProvider provider, bool sqliteFile = false)
    {
        var archive = await TestArchive.OpenAsync(databases, provider, sqliteFile);
        var author = await archive.CreateUserAsync("author");
        var work = await archive.LoadWorkAsync(archive.Db, (await archive.SaveWorkAsync(author)).Id);
        return (archive, work);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_user_counts_once_a_day_and_again_the_next_day_and_nothing_is_written_before_the_flush(DatabaseProvider provider)
    {
        var (archive, work) = await ArchiveWithWorkAsync(databases, provider);
        await using var _ = archive;
        var reader = TestArchive.ViewerFor(await archive.CreateUserAsync("reader"));
        using var node = new Node();

        node.View(archive, work, reader, "192.0.2.1");
        node.View(archive, work, reader, "198.51.100.9");
        var before = await StoredAsync(archive, work.Id);
        Assert.Equal(0, before.HitCount);
        Assert.Equal(0, before.Visitors);
        Assert.Empty(before.Days);

        Assert.Equal(1, await node.FlushAsync(archive));
        node.View(archive, work, reader, "192.0.2.1");
        Assert.Equal(0, await node.FlushAsync(archive));
        var sameDay = await StoredAsync(archive, work.Id);
        Assert.Equal(1, sameDay.HitCount);
        Assert.Equal([(archive.Today, 1)], sameDay.Days.Select(d => (d.Day, d.Hits)));

        archive.Clock.Advance(TimeSpan.FromDays(1));
        node.View(archive, work, reader);
        Assert.Equal(1, await node.FlushAsync(archive));
        var nextDay = await StoredAsync(archive, work.Id);
        Assert.Equal(2, nextDay.HitCount);
        Assert.Equal([(archive.Today.AddDays(-1), 1), (archive.Today, 1)], nextDay.Days.Select(d => (d.Day, d.Hits)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Guests_count_once_per_address_and_an_IPv6_network_once(DatabaseProvider provider)
    {
        var (archive, work) = await ArchiveWithWorkAsync(databases, provider);
        await using var _ = archive;
        using var node = new Node();

        node.View(archive, work, Viewer.Guest, "192.0.2.1");
        Assert.Equal(1, await node.FlushAsync(archive));
        node.View(archive, work, Viewer.Guest, "192.0.2.1");
        node.View(archive, work, Viewer.Guest, "::ffff:192.0.2.1");
        Assert.Equal(0, await node.FlushAsync(archive));
        node.View(archive, work, Viewer.Guest, "192.0.2.2");
        node.View(archive, work, Viewer.Guest, "2001:db8:1:2::10");
        node.View(archive, work, Viewer.Guest, "2001:db8:1:2:ffff::20");
        Assert.Equal(2, await node.FlushAsync(archive));

        Assert.Equal(3, (await StoredAsync(archive, work.Id)).HitCount);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Two_nodes_flushing_the_same_visitor_count_one_hit(DatabaseProvider provider)
    {
        var (archive, work) = await ArchiveWithWorkAsync(databases, provider, sqliteFile: true);
        await using var _ = archive;
        var reader = TestArchive.ViewerFor(await archive.CreateUserAsync("reader"));
        using var first = new Node();
        using var second = new Node();

        first.View(archive, work, reader);
        second.View(archive, work, reader);
        first.View(archive, work, Viewer.Guest, "203.0.113.5");
        second.View(archive, work, Viewer.Guest, "203.0.113.5");
        Assert.Equal(2, await first.FlushAsync(archive) + await second.FlushAsync(archive));

        // At the same moment, too: the second insert waits for the first and skips what it inserted.
        archive.Clock.Advance(TimeSpan.FromDays(1));
        first.View(archive, work, reader);
        second.View(archive, work, reader);
        var both = await Task.WhenAll(Task.Run(() => first.FlushAsync(archive)), Task.Run(() => second.FlushAsync(archive)));
        Assert.Equal(1, both.Sum());

        var stored = await StoredAsync(archive, work.Id);
        Assert.Equal(3, stored.HitCount);
        Assert.Equal([2, 1], stored.Days.Select(d => d.Hits));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Drafts_hidden_works_own_works_and_restricted_works_for_guests_get_no_hits(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var authorUser = await archive.CreateUserAsync("author");
        var author = TestArchive.ViewerFor(authorUser);
        var admin = TestArchive.ViewerFor(await archive.CreateUserAsync("admin", isAdmin: true));
        var reader = TestArchive.ViewerFor(await archive.CreateUserAsync("reader"));
        var draft = await archive.LoadWorkAsync(archive.Db, (await archive.SaveWorkAsync(authorUser, post: false)).Id);
        var restricted = await archive.LoadWorkAsync(archive.Db, (await archive.SaveWorkAsync(authorUser, f => f.IsRestricted = true)).Id);
        var hidden = await archive.LoadWorkAsync(archive.Db, (await archive.SaveWorkAsync(authorUser)).Id);
        hidden.IsHidden = true;
        await archive.Db.SaveChangesAsync();
        using var node = new Node();

        node.View(archive, draft, author);
        node.View(archive, restricted, author);
        node.View(archive, restricted, Viewer.Guest, "192.0.2.1");
        node.View(archive, hidden, admin);
        node.View(archive, hidden, author);
        Assert.Equal(0, node.Buffer.Count);

        node.View(archive, restricted, reader);
        Assert.Equal(1, await node.FlushAsync(archive));

        // A work hidden between the view and the flush is not counted either.
        var open = await archive.LoadWorkAsync(archive.Db, (await archive.SaveWorkAsync(authorUser)).Id);
        node.View(archive, open, reader);
        open.IsHidden = true;
        await archive.Db.SaveChangesAsync();
        Assert.Equal(0, await node.FlushAsync(archive));
        Assert.Equal(0, (await StoredAsync(archive, open.Id)).HitCount);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Visitor_keys_and_day_secrets_are_pruned_once_the_day_is_over_and_the_day_figures_stay(DatabaseProvider provider)
    {
        var (archive, work) = await ArchiveWithWorkAsync(databases, provider);
        await using var _ = archive;
        using var node = new Node();
        // Late in the day, so the next day starts within the test.
        archive.Clock.Advance(TimeSpan.FromHours(11.5));
        var day = archive.Today;
        node.View(archive, work, Viewer.Guest, "192.0.2.1");
        node.View(archive, work, Viewer.Guest, "192.0.2.2");
        await node.FlushAsync(archive);

        await using (var db = archive.NewContext())
        {
            Assert.True(await db.SiteSettings.AnyAsync(s => s.Key == VisitorKeys.SettingKey(day)));
            // Only hashes are stored: no address, in any form.
            var keys = await db.Set<HitVisitor>().Select(v => v.VisitorKey).ToListAsync();
            Assert.All(keys, k => Assert.Equal(HitVisitor.KeyLength, k.Length));
            Assert.DoesNotContain(keys, k => System.Text.Encoding.ASCII.GetString(k).Contains("192", StringComparison.Ordinal));
        }

        // Just after midnight the last buffered visits of the day still count against its keys.
        archive.Clock.Advance(TimeSpan.FromMinutes(35));
        await using (var db = archive.NewContext())
        {
            Assert.Equal(0, await HitPruning.PruneAsync(db, node.Keys, archive.Clock.GetUtcNow(), CancellationToken.None));
        }
        archive.Clock.Advance(TimeSpan.FromMinutes(10));
        await using (var db = archive.NewContext())
        {
            Assert.Equal(2, await HitPruning.PruneAsync(db, node.Keys, archive.Clock.GetUtcNow(), CancellationToken.None));
            Assert.False(await db.SiteSettings.AnyAsync(s => s.Key == VisitorKeys.SettingKey(day)));
        }
        var stored = await StoredAsync(archive, work.Id);
        Assert.Equal(0, stored.Visitors);
        Assert.Equal(2, stored.HitCount);
        Assert.Equal([(day, 2)], stored.Days.Select(d => (d.Day, d.Hits)));
    }
}
