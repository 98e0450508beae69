using Makimono.Changes;
using Makimono.Hosting;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Makimono.Tests.Database;
using Makimono.Tests.Tags;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Changes;

[Collection(DatabaseCollection.Name)]
public sealed class ChangeLogTests(TestDatabases databases)
{
    private static async Task<List<ArchiveChange>> ReadAsync(TestArchive archive, ChangeCursor cursor)
    {
        await using var db = archive.NewContext();
        return await cursor.ReadAsync(db);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_posted_work_and_a_renamed_tag_are_logged_and_a_rolled_back_save_logs_nothing(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var cursor = new ChangeCursor(archive.Clock);
        await using (var db = archive.NewContext())
        {
            await cursor.StartAtEndAsync(db);
        }

        var work = await archive.SaveWorkAsync(author, f => f.Characters = "Ayame Logged");
        Assert.Equal([work.Id], (await ReadAsync(archive, cursor)).Select(c => c.WorkId));

        var admin = await archive.CreateUserAsync("Admin", isAdmin: true);
        var tag = await archive.FindTagAsync("Ayame Logged");
        (await RenameTag.RunAsync(archive.Db, archive.Clock, admin.AsViewer(), tag.Id, "Ayame Renamed")).Ok();
        Assert.Contains(tag.Id, (await ReadAsync(archive, cursor)).Select(c => c.TagId));

        await using (var db = archive.NewContext())
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var stored = await db.Works.SingleAsync(w => w.Id == work.Id);
            stored.Title = "Never saved";
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        Assert.Empty(await ReadAsync(archive, cursor));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Rows_older_than_the_retention_are_pruned_and_a_reader_behind_them_is_told_to_rebuild(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var retention = TimeSpan.FromDays(7);
        var early = new ChangeCursor(archive.Clock);
        await using (var db = archive.NewContext())
        {
            await early.StartAtEndAsync(db);
        }
        using var index = await Makimono.Tests.Search.TestIndex.OpenAsync(archive);

        var old = await archive.SaveWorkAsync(author, f => f.Title = "Old Lantern");
        await using (var db = archive.NewContext())
        {
            Assert.Equal(0, await ChangeLogRetention.RunAsync(db, archive.Clock, retention));
        }
        var caughtUp = new ChangeCursor(archive.Clock);
        await using (var db = archive.NewContext())
        {
            await caughtUp.StartAtEndAsync(db);
        }
        archive.Clock.Advance(TimeSpan.FromHours(2));
        var recent = await archive.SaveWorkAsync(author, f => f.Title = "Recent Lantern");
        await using (var db = archive.NewContext())
        {
            Assert.Equal(0, await ChangeLogRetention.RunAsync(db, archive.Clock, retention));
        }

        // A week after the first mark, the rows up to it go; the later ones stay.
        archive.Clock.Advance(retention - TimeSpan.FromHours(1));
        await using (var db = archive.NewContext())
        {
            Assert.True(await ChangeLogRetention.RunAsync(db, archive.Clock, retention) > 0);
            var left = await db.ArchiveChanges.Where(c => c.WorkId != null).Select(c => c.WorkId!.Value).Distinct().ToListAsync();
            Assert.DoesNotContain(old.Id, left);
            Assert.Contains(recent.Id, left);
        }

        // A reader past the pruned rows reads on; one behind them is told, never silently short of changes.
        Assert.Contains(recent.Id, (await ReadAsync(archive, caughtUp)).Select(c => c.WorkId));
        await Assert.ThrowsAsync<ChangeLogBehindException>(() => ReadAsync(archive, early));
        // The search index, left behind, rebuilds and has both works.
        await index.Updater.CatchUpAsync(CancellationToken.None);
        Assert.Equal([old.Id, recent.Id], index.Find(new Makimono.Search.WorkQuery { Text = "lantern" }).WorkIds.Order());
        await using (var db = archive.NewContext())
        {
            Assert.Equal(await ChangeCursor.LatestIdAsync(db), index.Index.Position);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_merge_logs_the_works_whose_filter_sets_it_refreshed(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var admin = await archive.CreateUserAsync("Admin", isAdmin: true);
        var canonical = await archive.TagAsync("Hatake Kakashi", TagType.Character);
        var tagged = await archive.SaveWorkAsync(admin, f => f.Characters = "Kakashi");
        var untouched = await archive.SaveWorkAsync(admin, f => f.Characters = "Umino Iruka");
        var synonym = await archive.FindTagAsync("Kakashi");
        var cursor = new ChangeCursor(archive.Clock);
        await using (var db = archive.NewContext())
        {
            await cursor.StartAtEndAsync(db);
        }

        (await MergeTag.RunAsync(archive.Db, archive.Clock, admin.AsViewer(), synonym.Id, canonical.Id)).Ok();

        var changes = await ReadAsync(archive, cursor);
        Assert.Equal([tagged.Id], changes.Where(c => c.WorkId is not null).Select(c => c.WorkId!.Value).Distinct());
        Assert.DoesNotContain(changes, c => c.WorkId == untouched.Id);
        Assert.Contains(changes, c => c.TagId == synonym.Id);
    }

    /// <summary>
    /// On PostgreSQL a save that took a lower id can commit after one that took a higher id; a reader that had
    /// moved past the lower id must still get it once it commits.
    /// </summary>
    [Fact]
    public async Task A_change_committed_late_with_a_lower_id_is_still_read()
    {
        await using var archive = await TestArchive.OpenAsync(databases, DatabaseProvider.Postgres);
        var author = await archive.CreateUserAsync("Author");
        var slow = await archive.SaveWorkAsync(author, f => f.Title = "Slow");
        var fast = await archive.SaveWorkAsync(author, f => f.Title = "Fast");
        var cursor = new ChangeCursor(archive.Clock);
        await using (var db = archive.NewContext())
        {
            await cursor.StartAtEndAsync(db);
        }

        await using var slowDb = archive.NewContext();
        await using var slowTransaction = await slowDb.Database.BeginTransactionAsync();
        (await slowDb.Works.SingleAsync(w => w.Id == slow.Id)).Title = "Slow, edited";
        await slowDb.SaveChangesAsync();
        await using (var fastDb = archive.NewContext())
        {
            (await fastDb.Works.SingleAsync(w => w.Id == fast.Id)).Title = "Fast, edited";
            await fastDb.SaveChangesAsync();
        }

        Assert.Equal([fast.Id], (await ReadAsync(archive, cursor)).Select(c => c.WorkId));
        await slowTransaction.CommitAsync();
        Assert.Equal([slow.Id], (await ReadAsync(archive, cursor)).Select(c => c.WorkId));
        Assert.Empty(await ReadAsync(archive, cursor));
    }
}
