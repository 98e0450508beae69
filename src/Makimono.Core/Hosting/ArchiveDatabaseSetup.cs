using Makimono.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Makimono.Hosting;

public static class ArchiveDatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Makimono.Data.Sqlite";
    public const string PostgresMigrationsAssembly = "Makimono.Data.Postgres";

    /// <summary>Registers options, their validation and the DbContext for the configured provider.</summary>
    public static IServiceCollection AddArchiveDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ArchiveOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ArchiveOptions>, ArchiveOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<ArchiveDbContext>((sp, builder) =>
            Configure(builder, sp.GetRequiredService<IOptions<ArchiveOptions>>().Value));
        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, ArchiveOptions options)
    {
        return options.Database.Provider switch
        {
            DatabaseProvider.Postgres => ConfigurePostgres(builder, options.Database.ConnectionString!),
            _ => ConfigureSqlite(builder, options.Database.ConnectionString ?? SqliteConnectionString(options.SqliteFile)),
        };
    }

    public static string SqliteConnectionString(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, ForeignKeys = true, Pooling = true }.ToString();

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
}
