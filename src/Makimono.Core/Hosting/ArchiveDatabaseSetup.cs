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
        ThrowIfProviderUnknown(configuration);
        services.AddOptions<ArchiveOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ArchiveOptions>, ArchiveOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        // Interceptors come from the host: the web app registers the one that keeps tag autocomplete fresh.
        services.AddDbContext<ArchiveDbContext>((sp, builder) =>
            Configure(builder, sp.GetRequiredService<IOptions<ArchiveOptions>>().Value)
                .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<DatabaseAvailability>();
        return services;
    }

    /// <summary>The binder would throw on first use, deep inside the host, with a stack trace; say it plainly at start.</summary>
    private static void ThrowIfProviderUnknown(IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"];
        if (!string.IsNullOrEmpty(provider)
            && !(Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var known) && Enum.IsDefined(known) && !int.TryParse(provider, out _)))
        {
            throw new CannotStartException(
                $"Configuration error: Database:Provider is \"{provider}\": set it to {string.Join(" or ", Enum.GetNames<DatabaseProvider>())}.");
        }
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

    /// <param name="useCompiledModel">
    /// False only for `dotnet ef`, which must build the model from the code to see what changed.
    /// </param>
    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString, bool useCompiledModel = true) =>
        WithCompiledModel(builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)), SqliteMigrationsAssembly, useCompiledModel);

    /// <summary>For a connection the caller keeps open, such as a `:memory:` database in tests.</summary>
    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, System.Data.Common.DbConnection connection) =>
        WithCompiledModel(builder.UseSqlite(connection, o => o.MigrationsAssembly(SqliteMigrationsAssembly)), SqliteMigrationsAssembly, useCompiledModel: true);

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString, bool useCompiledModel = true) =>
        WithCompiledModel(builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)), PostgresMigrationsAssembly, useCompiledModel);

    /// <summary>
    /// Each provider's project carries a model compiled by `dotnet ef dbcontext optimize`; building the model
    /// at run time instead costs about half a second of every cold start. Core cannot reference those projects
    /// (they reference Core), so the model is found by name, as EF finds the migrations.
    /// </summary>
    private static DbContextOptionsBuilder WithCompiledModel(DbContextOptionsBuilder builder, string assembly, bool useCompiledModel)
    {
        // Every context writes the change log, whoever opens it (web app, CLI verb, test), so no save goes unlogged.
        builder.AddInterceptors(Changes.ChangeLogWriter.Instance);
        if (!useCompiledModel)
        {
            return builder;
        }
        var modelType = Type.GetType($"{assembly}.CompiledModel.ArchiveDbContextModel, {assembly}", throwOnError: false);
        var model = modelType?.GetProperty("Instance")?.GetValue(null) as Microsoft.EntityFrameworkCore.Metadata.IModel;
        return model is null ? builder : builder.UseModel(model);
    }
}
