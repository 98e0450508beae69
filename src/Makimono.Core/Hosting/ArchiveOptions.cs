using System.ComponentModel.DataAnnotations;

namespace Makimono.Hosting;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from the configuration root: "Data", "Database:Provider", "Database:ConnectionString".</summary>
public sealed class ArchiveOptions
{
    /// <summary>Holds the SQLite file, the search index and uploads. Relative paths are from the working directory.</summary>
    [Required]
    public string Data { get; set; } = "makimono-data";

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>
    /// Reverse proxies or load balancers on other machines, as addresses ("10.0.0.5") or networks ("10.0.0.0/8"),
    /// whose X-Forwarded-For gives the reader's address. A proxy on this machine (loopback) is always trusted.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    public MetricsOptions Metrics { get; set; } = new();

    public string DataDirectory => Path.GetFullPath(Data);

    public string SqliteFile => Path.Combine(DataDirectory, "makimono.db");
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSQL; for SQLite it overrides the file in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a starting process waits for the database to answer (a node started before PostgreSQL).</summary>
    public int StartupWaitSeconds { get; set; } = 60;
}

public sealed class MetricsOptions
{
    /// <summary>Addresses or networks that may read /metrics; loopback only when empty.</summary>
    public List<string> AllowedNetworks { get; set; } = [];
}
