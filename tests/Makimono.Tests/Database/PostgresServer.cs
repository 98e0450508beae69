using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Makimono.Tests.Database;

/// <summary>
/// A throwaway PostgreSQL 15 cluster in a temp dir, listening on 127.0.0.1 only, started once per test run.
/// Durability is switched off because the data dies with the run and the machine has two cores.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string DirectoryPrefix = "makimono-pg-";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string _root;
    private readonly NpgsqlDataSource _admin;

    private readonly string? _password;

    private PostgresServer(string root, int port, string? password)
    {
        _root = root;
        Port = port;
        _password = password;
        _admin = NpgsqlDataSource.Create(ConnectionString("postgres"));
    }

    public int Port { get; }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Password = _password,
        Database = database,
        // Each test database gets its own pool; a small one keeps the server under max_connections.
        MaxPoolSize = 5,
    }.ToString();

    /// <param name="port">A chosen port, for a test that starts a node before its database; a free one otherwise.</param>
    /// <param name="password">Makes TCP logins need this password (scram-sha-256), for tests of a refused login.</param>
    public static async Task<PostgresServer> StartAsync(int? port = null, string? password = null)
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")) || !File.Exists(Path.Combine(BinDirectory, "pg_ctl")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 is not installed ({BinDirectory}/initdb is missing): run scripts/test, which installs it, or apt-get install postgresql.");
        }
        // The postgres user must be able to reach the directory, which rules out a TMPDIR under /root.
        var tempRoot = Environment.IsPrivilegedProcess ? "/tmp" : Path.GetTempPath();
        StopLeftoversOfDeadRuns(tempRoot);
        var root = Path.Combine(tempRoot, $"{DirectoryPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            if (Environment.IsPrivilegedProcess)
            {
                await ExternalProcess.RunAsync("chown", ["postgres:postgres", root], CommandTimeout);
            }
            string[] authentication = ["--auth=trust"];
            if (password is not null)
            {
                var passwordFile = Path.Combine(root, "password");
                await File.WriteAllTextAsync(passwordFile, password);
                authentication = ["--auth-local=trust", "--auth-host=scram-sha-256", $"--pwfile={passwordFile}"];
            }
            await RunAsPostgresAsync("initdb", ["-D", Path.Combine(root, "data"), "-U", "postgres", .. authentication,
                "--encoding=UTF8", "--no-locale", "--no-sync", "--no-instructions"]);
            port ??= FreePort();
            await File.AppendAllTextAsync(Path.Combine(root, "data", "postgresql.conf"), $"""

                listen_addresses = '127.0.0.1'
                port = {port}
                unix_socket_directories = '{root}'
                fsync = off
                synchronous_commit = off
                full_page_writes = off
                max_connections = 100
                shared_buffers = 32MB
                """);
            await RunAsPostgresAsync("pg_ctl", "-D", Path.Combine(root, "data"), "-l", Path.Combine(root, "server.log"),
                "-w", "-t", "60", "start");
            return new PostgresServer(root, port.Value, password);
        }
        catch (Exception ex)
        {
            var log = Path.Combine(root, "server.log");
            var details = File.Exists(log) ? $"\nserver.log:\n{await File.ReadAllTextAsync(log)}" : string.Empty;
            await StopAndDeleteAsync(root);
            throw new InvalidOperationException($"Could not start the test PostgreSQL server in {root}: {ex.Message}{details}", ex);
        }
    }

    /// <summary>A new empty database; FILE_COPY is much cheaper than PG 15's default WAL_LOG for a tiny template.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t_{Guid.NewGuid():N}";
        await using var command = _admin.CreateCommand($"CREATE DATABASE \"{name}\" STRATEGY = FILE_COPY");
        await command.ExecuteNonQueryAsync();
        return name;
    }

    public async Task DropDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString(name)))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        await using var command = _admin.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Stops the server as an outage would: every connection is cut and nothing answers until it starts again.
    /// A fast shutdown, not an immediate one: this test server runs with synchronous_commit off, so an immediate stop
    /// could lose the last committed rows (a session just signed in), and a test of the archive would fail on the
    /// test server's own shortcut. DisposeAsync still cleans up.
    /// </summary>
    public async Task StopAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsPostgresAsync("pg_ctl", "-D", Path.Combine(_root, "data"), "-w", "-t", "30", "stop", "-m", "fast");
    }

    /// <summary>Starts a stopped server again on the same data and port.</summary>
    public Task StartAgainAsync() =>
        RunAsPostgresAsync("pg_ctl", "-D", Path.Combine(_root, "data"), "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "start");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _admin.DisposeAsync();
        await StopAndDeleteAsync(_root);
    }

    private static async Task StopAndDeleteAsync(string root)
    {
        try
        {
            if (File.Exists(Path.Combine(root, "data", "postmaster.pid")))
            {
                await RunAsPostgresAsync("pg_ctl", "-D", Path.Combine(root, "data"), "-w", "-t", "30", "stop", "-m", "immediate");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A run killed before its fixture was disposed leaves a server behind; only those whose test process is gone are stopped.</summary>
    private static void StopLeftoversOfDeadRuns(string tempRoot)
    {
        foreach (var dir in Directory.EnumerateDirectories(tempRoot, DirectoryPrefix + "*"))
        {
            var pidText = Path.GetFileName(dir)[DirectoryPrefix.Length..].Split('-')[0];
            if (!int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || IsRunning(pid))
            {
                continue;
            }
            try
            {
                StopAndDeleteAsync(dir).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                // Someone else's leftover that we cannot remove must not fail this run.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>initdb and pg_ctl refuse to run as root, so as root they run as the postgres user.</summary>
    private static Task<string> RunAsPostgresAsync(string tool, params string[] arguments)
    {
        var path = Path.Combine(BinDirectory, tool);
        return Environment.IsPrivilegedProcess
            ? ExternalProcess.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], CommandTimeout)
            : ExternalProcess.RunAsync(path, arguments, CommandTimeout);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
