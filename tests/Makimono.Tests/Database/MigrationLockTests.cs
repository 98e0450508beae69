using Makimono.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Makimono.Tests.Database;

/// <summary>Nodes started together, or two `makimono migrate` at once, migrate one after the other.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class MigrationLockTests(TestDatabases databases)
{
    private const int Migrators = 3;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Migrators_started_together_on_an_empty_database_all_succeed(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, sqliteFile: true, migrated: false);
        using var start = new ManualResetEventSlim();

        var runs = Enumerable.Range(0, Migrators).Select(_ => Task.Run(async () =>
        {
            await using var db = database.NewContext();
            start.Wait();
            await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance, TimeProvider.System).MigrateAsync();
        })).ToList();
        start.Set();
        await Task.WhenAll(runs);

        await using var check = database.NewContext();
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
        Assert.Equal(17, await check.Tags.CountAsync());
    }
}
