using System.Data.Common;
using Makimono.Hosting;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Makimono.Tests.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Makimono.Tests.Tags;

/// <summary>Two wranglers linking the same two tags in opposite directions at the same moment.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class MetaTagRaceTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Concurrent_opposite_meta_links_cannot_both_succeed(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider, sqliteFile: true);
        var admin = (await archive.CreateUserAsync("Admin", isAdmin: true)).AsViewer();
        var angst = await archive.TagAsync("Angst", TagType.Freeform);
        var hurt = await archive.TagAsync("Hurt/Comfort", TagType.Freeform);

        // Each context, having read the meta links, waits for the other to read them too, so without a
        // serializable change both would check an unchanged graph and both insert.
        var first = new ReadBarrier();
        var second = new ReadBarrier();
        first.Other = second;
        second.Other = first;
        await using var dbOne = archive.NewContext(first);
        await using var dbTwo = archive.NewContext(second);

        var results = await Task.WhenAll(
            Task.Run(() => MetaTags.AddAsync(dbOne, archive.Clock, admin, angst.Id, hurt.Id)),
            Task.Run(() => MetaTags.AddAsync(dbTwo, archive.Clock, admin, hurt.Id, angst.Id)));

        Assert.Single(results, r => r.Succeeded);
        Assert.Contains("cycle", Assert.Single(results, r => !r.Succeeded).Error);
        await using var db = archive.NewContext();
        Assert.Equal(1, await db.MetaTagLinks.CountAsync());
        Assert.Equal(1, await db.WranglingLog.CountAsync());
    }

    /// <summary>Holds a context after its first read of the meta links until the other has read them, or a moment has passed.</summary>
    private sealed class ReadBarrier : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _read = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ReadBarrier? Other { get; set; }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("MetaTagLinks", StringComparison.Ordinal) && _read.TrySetResult())
            {
                // When the other context is held at the start of its transaction (SQLite's write lock), it cannot read until this one commits.
                await Task.WhenAny(Other!._read.Task, Task.Delay(TimeSpan.FromSeconds(2), cancellationToken));
            }
            return result;
        }
    }
}
