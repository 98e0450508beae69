using Makimono.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Makimono.Hosting;

/// <summary>
/// Applies pending migrations. For SQLite the file is copied first and put back if a migration fails,
/// so a failed upgrade never leaves a half-migrated archive behind. One process migrates at a time (<see cref="MigrationLock"/>).
/// </summary>
public sealed class DatabaseMigrator(ArchiveDbContext db, ILogger<DatabaseMigrator> logger, TimeProvider clock)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        // Pending migrations are looked up under the lock: a process that waited finds them applied.
        await using var migrationLock = await MigrationLock.AcquireAsync(db, logger, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            logger.LogInformation("Database schema is up to date ({Provider}).", ProviderName);
            await EnableWriteAheadLogAsync(cancellationToken);
            return;
        }
        logger.LogInformation("Migrating database ({Provider}): applying {Count} migration(s): {Migrations}",
            ProviderName, pending.Count, string.Join(", ", pending));

        var backup = await BackUpSqliteFileAsync(cancellationToken);
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception ex) when (backup is not null)
        {
            logger.LogError(ex, "Migration failed; restoring the database from {Backup}.", backup.Value.Copy);
            SqliteConnection.ClearAllPools();
            File.Copy(backup.Value.Copy, backup.Value.Original, overwrite: true);
            throw;
        }
        await EnableWriteAheadLogAsync(cancellationToken);
        logger.LogInformation("Database migrated.");
    }

    private string ProviderName => db.Database.IsSqlite() ? "SQLite" : "PostgreSQL";

    private async Task<(string Original, string Copy)?> BackUpSqliteFileAsync(CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || !File.Exists(file) || new FileInfo(file).Length == 0)
        {
            return null;
        }
        // Fold the write-ahead log into the main file so that one copy holds everything.
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        var copy = $"{file}.before-migration-{clock.GetUtcNow():yyyyMMddHHmmss}.bak";
        File.Copy(file, copy, overwrite: true);
        logger.LogInformation("Backed up the database to {Backup} before migrating.", copy);
        return (file, copy);
    }

    private async Task EnableWriteAheadLogAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while a work is being posted; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
