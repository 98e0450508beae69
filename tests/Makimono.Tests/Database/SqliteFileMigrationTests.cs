using Makimono.Database;
using Makimono.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Makimono.Tests.Database;

/// <summary>DatabaseMigrator on a real file, configured the way the archive configures itself.</summary>
public sealed class SqliteFileMigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("makimono-sqlite-").FullName;
    private readonly FakeTimeProvider _clock = new(TestArchive.Start);
    private readonly ArchiveOptions _options;

    public SqliteFileMigrationTests()
    {
        _options = new ArchiveOptions { Data = _directory };
    }

    private string DatabaseFile => _options.SqliteFile;

    private string BackupFile => $"{DatabaseFile}.before-migration-20261122120000.bak";

    [Fact]
    public async Task Migrates_a_new_file_and_turns_on_write_ahead_logging()
    {
        await MigrateAsync();

        Assert.Equal("wal", await QueryAsync<string>(DatabaseFile, "PRAGMA journal_mode"));
        Assert.Equal(17L, await QueryAsync<long>(DatabaseFile, "SELECT count(*) FROM Tags"));
        Assert.False(File.Exists(BackupFile), "A new file has nothing to back up.");
    }

    [Fact]
    public async Task An_up_to_date_file_is_left_alone()
    {
        await MigrateAsync();
        _clock.Advance(TimeSpan.FromDays(1));

        await MigrateAsync();

        Assert.Empty(Directory.EnumerateFiles(_directory, "*.bak"));
        Assert.Equal("wal", await QueryAsync<string>(DatabaseFile, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Backs_up_an_existing_file_before_migrating_it()
    {
        await ExecuteAsync(DatabaseFile, "CREATE TABLE Notes (Text TEXT); INSERT INTO Notes VALUES ('keep me');");
        var before = await File.ReadAllBytesAsync(DatabaseFile);

        await MigrateAsync();

        Assert.Equal(before, await File.ReadAllBytesAsync(BackupFile));
        Assert.Equal("keep me", await QueryAsync<string>(DatabaseFile, "SELECT Text FROM Notes"));
        Assert.Equal(17L, await QueryAsync<long>(DatabaseFile, "SELECT count(*) FROM Tags"));
    }

    [Fact]
    public async Task A_failed_migration_puts_the_original_file_back()
    {
        // A table the Initial migration also creates makes it fail halfway.
        await ExecuteAsync(DatabaseFile, "CREATE TABLE Users (Id INTEGER PRIMARY KEY, Name TEXT); INSERT INTO Users (Name) VALUES ('kiri');");
        var before = await File.ReadAllBytesAsync(DatabaseFile);

        var error = await Assert.ThrowsAsync<SqliteException>(MigrateAsync);

        Assert.Contains("Users", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(BackupFile));
        Assert.Equal(before, await File.ReadAllBytesAsync(DatabaseFile));
        Assert.Equal("Users", await QueryAsync<string>(DatabaseFile, "SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'"));
        Assert.Equal("kiri", await QueryAsync<string>(DatabaseFile, "SELECT Name FROM Users"));
    }

    private async Task MigrateAsync()
    {
        var builder = new DbContextOptionsBuilder<ArchiveDbContext>();
        ArchiveDatabaseSetup.Configure(builder, _options);
        await using var db = new ArchiveDbContext(builder.Options);
        await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance, _clock).MigrateAsync();
    }

    /// <summary>Unpooled, so no handle outlives the check and the files can be compared and deleted.</summary>
    private static SqliteConnection Connect(string file) =>
        new(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());

    private static async Task ExecuteAsync(string file, string sql)
    {
        await using var connection = Connect(file);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> QueryAsync<T>(string file, string sql)
    {
        await using var connection = Connect(file);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        // The archive's connection string pools connections, which keep the file open.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
