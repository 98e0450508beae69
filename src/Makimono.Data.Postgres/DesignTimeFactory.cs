using Makimono.Database;
using Makimono.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Makimono.Data.Postgres;

/// <summary>Lets `dotnet ef` build the model for PostgreSQL; no server is contacted to add a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ArchiveDbContext>
{
    public ArchiveDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<ArchiveDbContext>();
        ArchiveDatabaseSetup.ConfigurePostgres(builder, "Host=localhost;Database=makimono_design", useCompiledModel: false);
        return new ArchiveDbContext(builder.Options);
    }
}
