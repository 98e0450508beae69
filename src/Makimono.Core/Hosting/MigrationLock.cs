using Makimono.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Makimono.Hosting;

/// <summary>
/// Held while one process migrates, so nodes started together on an empty database, or two `makimono migrate` at
/// once, migrate one after the other: the next one finds nothing left to apply. EF's own lock does not cover
/// PostgreSQL's first migration, where each process saw no history and both created the same columns.
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    /// <summary>The advisory lock key: any fixed number that other software on the same database is unlikely to use.</summary>
    private const long PostgresKey = 0x4D616B696D6F6E6F; // "Makimono" in ASCII

    private static readonly TimeSpan FilePollInterval = TimeSpan.FromMilliseconds(100);

    private readonly NpgsqlConnection? _postgres;
    private readonly FileStream? _file;

    private MigrationLock(NpgsqlConnection? postgres, FileStream? file)
    {
        _postgres = postgres;
        _file = file;
    }

    public static async Task<MigrationLock> AcquireAsync(ArchiveDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            return new MigrationLock(await AcquirePostgresAsync(db.Database.GetConnectionString()!, logger, cancellationToken), null);
        }
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return string.IsNullOrEmpty(file) || file == ":memory:"
            ? new MigrationLock(null, null)
            : new MigrationLock(null, await AcquireFileAsync($"{Path.GetFullPath(file)}.migration-lock", logger, cancellationToken));
    }

    /// <summary>A session-level advisory lock on a connection of its own, held until it is closed (or the process dies).</summary>
    private static async Task<NpgsqlConnection> AcquirePostgresAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        // Unpooled, so that closing the connection ends the session and with it the lock, even after an error.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_lock({PostgresKey})", connection);
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is true)
            {
                return connection;
            }
            logger.LogInformation("Another process is migrating the database; waiting for it to finish.");
            // No command timeout: a large migration may take longer than any default, and a dead holder's lock ends with its session.
            await using var waitLock = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgresKey})", connection) { CommandTimeout = 0 };
            await waitLock.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>An exclusive open of a file beside the database (flock on Linux), which the system releases if the process dies.</summary>
    private static async Task<FileStream> AcquireFileAsync(string path, ILogger logger, CancellationToken cancellationToken)
    {
        var waiting = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(path))
            {
                if (!waiting)
                {
                    logger.LogInformation("Another process is migrating the database; waiting for it to finish.");
                    waiting = true;
                }
                await Task.Delay(FilePollInterval, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
