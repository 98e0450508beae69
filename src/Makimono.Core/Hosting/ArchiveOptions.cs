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

    public string DataDirectory => Path.GetFullPath(Data);

    public string SqliteFile => Path.Combine(DataDirectory, "makimono.db");
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSQL; for SQLite it overrides the file in the data directory.</summary>
    public string? ConnectionString { get; set; }
}
