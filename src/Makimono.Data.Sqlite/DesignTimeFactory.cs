using Makimono.Database;
using Makimono.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Makimono.Data.Sqlite;

/// <summary>Lets `dotnet ef` build the model for SQLite without starting the archive.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ArchiveDbContext>
{
    public ArchiveDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<ArchiveDbContext>();
        ArchiveDatabaseSetup.ConfigureSqlite(builder, "Data Source=design-time.db", useCompiledModel: false);
        return new ArchiveDbContext(builder.Options);
    }
}
