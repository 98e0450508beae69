using Makimono.Database;
using Makimono.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Database;

/// <summary>
/// Hands each data test a freshly migrated database of the provider it asks for. The PostgreSQL server is
/// started on first use, so a run filtered to SQLite rows never needs it, and is stopped when the run ends.
/// </summary>
public sealed class TestDatabases : IAsyncLifetime
{
    /// <summary>A failed start stays the result, so every PostgreSQL row fails at once with the same message.</summary>
    private readonly Lazy<Task<PostgresServer>> _postgres = new(() => PostgresServer.StartAsync());

    /// <param name="migrated">False for an empty database, to test migrating it.</param>
    public async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool sqliteFile = false, bool migrated = true)
    {
        var database = provider switch
        {
            DatabaseProvider.Sqlite when sqliteFile => CreateSqliteFile(),
            DatabaseProvider.Sqlite => await CreateSqliteAsync(),
            DatabaseProvider.Postgres => await CreatePostgresAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        if (!migrated)
        {
            return database;
        }
        try
        {
            await using var db = database.NewContext();
            await db.Database.MigrateAsync();
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    private static async Task<TestDatabase> CreateSqliteAsync()
    {
        // Pooling off: a pooled :memory: connection would carry one test's data into the next.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = ":memory:",
            ForeignKeys = true,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        // The database lives as long as this connection, so every context of the test shares it.
        var builder = new DbContextOptionsBuilder<ArchiveDbContext>();
        ArchiveDatabaseSetup.ConfigureSqlite(builder, connection);
        return new TestDatabase(DatabaseProvider.Sqlite, builder.Options, () => connection.DisposeAsync());
    }

    /// <summary>Each context opens its own connection to the file, as each web request does.</summary>
    private static TestDatabase CreateSqliteFile()
    {
        var directory = Directory.CreateTempSubdirectory("makimono-test-");
        var builder = new DbContextOptionsBuilder<ArchiveDbContext>();
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory.FullName, "test.db"),
            ForeignKeys = true,
            Pooling = false,
        }.ToString();
        ArchiveDatabaseSetup.ConfigureSqlite(builder, connectionString);
        return new TestDatabase(DatabaseProvider.Sqlite, builder.Options, () =>
        {
            directory.Delete(recursive: true);
            return ValueTask.CompletedTask;
        });
    }

    private async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = await _postgres.Value;
        var name = await server.CreateDatabaseAsync();
        var builder = new DbContextOptionsBuilder<ArchiveDbContext>();
        ArchiveDatabaseSetup.ConfigurePostgres(builder, server.ConnectionString(name));
        return new TestDatabase(DatabaseProvider.Postgres, builder.Options, async () => await server.DropDatabaseAsync(name));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_postgres.IsValueCreated && _postgres.Value.IsCompletedSuccessfully)
        {
            await _postgres.Value.Result.DisposeAsync();
        }
    }
}
