using System.Data.Common;
using Makimono.Hosting;
using Makimono.Tests.Database;
using Makimono.Tests.Works;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Makimono.Tests.Tags;

/// <summary>Writers posting works that add the same new tag at the same moment.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class TagCreationRaceTests(TestDatabases databases)
{
    private const int Writers = 8;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Concurrent_posts_adding_the_same_new_tag_all_succeed(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider, sqliteFile: true);
        var users = new List<Makimono.Accounts.User>();
        for (var i = 0; i < Writers; i++)
        {
            users.Add(await archive.CreateUserAsync($"Writer{i}"));
        }
        // Every writer looks the new tag up and finds nothing before any of them saves.
        var barrier = new LookupBarrier(Writers);
        var contexts = Enumerable.Range(0, Writers).Select(_ => archive.NewContext(barrier)).ToList();

        var results = await Task.WhenAll(users.Select((user, i) => Task.Run(async () =>
        {
            var form = Forms.Work($"Work {i}");
            form.Freeforms = "Brand New Feelings";
            return await SaveWork.CreateAsync(contexts[i], archive.Clock, user.Id, form, Forms.Chapter(), post: true, acceptRemovals: false);
        })));

        Assert.All(results, r => Assert.False(r.Errors.Any, string.Join("; ", r.Errors.Fields.Values)));
        Assert.All(results, r => Assert.NotNull(r.Work));
        await using var db = archive.NewContext();
        var tag = await db.Tags.SingleAsync(t => t.Name == "Brand New Feelings");
        Assert.Equal(Writers, await db.WorkTags.CountAsync(wt => wt.TagId == tag.Id));
        Assert.Equal(Writers, await db.Works.CountAsync());
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }
    }

    /// <summary>Holds each context after its lookup of the new tag until every context has looked, or a moment has passed.</summary>
    private sealed class LookupBarrier(int participants) : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _allLooked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private static readonly string NewTag = Makimono.Tags.TagName.Normalize("Brand New Feelings");
        private int _looked;

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"NormalizedName\" = ", StringComparison.Ordinal)
                && command.CommandText.Contains("FROM \"Tags\"", StringComparison.Ordinal)
                && command.Parameters.Cast<DbParameter>().Any(p => p.Value as string == NewTag))
            {
                if (Interlocked.Increment(ref _looked) >= participants)
                {
                    _allLooked.TrySetResult();
                }
                await Task.WhenAny(_allLooked.Task, Task.Delay(TimeSpan.FromSeconds(3), cancellationToken));
            }
            return result;
        }
    }
}
