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

    [Fact]
    public async Task Two_migrate_commands_at_once_on_a_new_sqlite_archive_both_succeed()
    {
        var data = Directory.CreateTempSubdirectory("makimono-migrate-").FullName;
        try
        {
            var settings = new Dictionary<string, string> { ["Database__Provider"] = "Sqlite" };
            var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Hosting.MakimonoProcess.RunAsync(["migrate", "--data", data], settings)));

            Assert.All(runs, run => Assert.True(run.Exit == 0, run.Stderr));
            Assert.Contains(runs, run => run.Stderr.Contains("Database migrated.", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
