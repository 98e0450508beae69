using System.Data.Common;
using System.Net.Sockets;
using Makimono.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Makimono.Hosting;

/// <summary>
/// Before migrating, waits for the database to answer: a node started before PostgreSQL (a reboot, a compose file)
/// retries with growing pauses up to Database:StartupWaitSeconds and logs each try. What retrying cannot mend, such
/// as a wrong password or a database that does not exist, fails at once with a line that says what to fix.
/// </summary>
public sealed class DatabaseAvailability(ArchiveDbContext db, IOptions<ArchiveOptions> options, ILogger<DatabaseAvailability> logger, TimeProvider clock)
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(8);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(options.Value.Database.StartupWaitSeconds);
        var deadline = clock.GetUtcNow() + limit;
        var pause = FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.CloseConnectionAsync();
                if (attempt > 1)
                {
                    logger.LogInformation("The database {Database} answered after {Attempts} tries.", Describe(), attempt);
                }
                return;
            }
            catch (Exception thrown) when (thrown is DbException or ArgumentException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
                Exception error = DatabaseFailure.Find(thrown) ?? thrown;
                if (!IsTransient(error))
                {
                    throw new CannotStartException(WhatToFix(error), error);
                }
                var left = deadline - clock.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    throw new CannotStartException(
                        $"The database {Describe()} did not answer within {limit.TotalSeconds:0} s ({error.Message}): start it, check Database:ConnectionString, or wait longer with Database:StartupWaitSeconds.",
                        error);
                }
                var wait = pause < left ? pause : left;
                logger.LogWarning("The database {Database} does not answer ({Reason}); try {Attempt}, trying again in {Pause:0.0} s, for up to {Limit:0} s in all.",
                    Describe(), error.Message, attempt, wait.TotalSeconds, limit.TotalSeconds);
                await Task.Delay(wait, clock, cancellationToken);
                pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
            }
        }
    }

    /// <summary>Nothing listening, a server still starting up or out of connections: waiting may help.</summary>
    private static bool IsTransient(Exception error) => error switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections
            or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or TimeoutException or IOException,
        SqliteException sqlite => sqlite.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED,
        _ => false,
    };

    private string WhatToFix(Exception error) => error switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
            $"PostgreSQL refused the login to {Describe()} ({error.Message}): correct Username and Password in Database:ConnectionString.",
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
            $"The database {Describe()} does not exist: create it (createdb) or correct Database= in Database:ConnectionString.",
        SqliteException =>
            $"The SQLite file {Describe()} cannot be opened ({error.Message}): check that the data folder exists and this user may write to it.",
        _ => $"The database {Describe()} cannot be used ({error.Message}): check Database:Provider and Database:ConnectionString.",
    };

    /// <summary>Where the archive looks for its database, without the password.</summary>
    private string Describe()
    {
        var connectionString = db.Database.GetConnectionString() ?? string.Empty;
        try
        {
            if (db.Database.IsNpgsql())
            {
                var postgres = new NpgsqlConnectionStringBuilder(connectionString);
                return $"\"{postgres.Database ?? postgres.Username}\" at {postgres.Host}:{postgres.Port} (user {postgres.Username})";
            }
            return new SqliteConnectionStringBuilder(connectionString).DataSource;
        }
        catch (ArgumentException)
        {
            return "named in Database:ConnectionString";
        }
    }
}
