using Microsoft.Extensions.Options;

namespace Makimono.Hosting;

/// <summary>Checked at start so a misconfigured archive refuses to run with a message that says what to fix.</summary>
public sealed class ArchiveOptionsValidator : IValidateOptions<ArchiveOptions>
{
    public ValidateOptionsResult Validate(string? name, ArchiveOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Data))
        {
            failures.Add("Data is empty: set --data DIR, MAKIMONO_DATA or \"Data\" in appsettings.json to the folder for the archive's files.");
        }
        if (options.Database.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.Database.ConnectionString))
        {
            failures.Add("Database:Provider is Postgres but Database:ConnectionString is empty: set it, e.g. MAKIMONO_Database__ConnectionString=\"Host=localhost;Database=makimono;Username=makimono;Password=…\".");
        }
        if (options.Database.Provider == DatabaseProvider.Postgres && !string.IsNullOrWhiteSpace(options.Database.ConnectionString)
            && ConnectionStringProblem(options.Database.ConnectionString) is { } problem)
        {
            failures.Add($"Database:ConnectionString cannot be read ({problem}): write it as Key=value pairs separated by semicolons, e.g. \"Host=localhost;Database=makimono;Username=makimono;Password=…\".");
        }
        if (options.Database.StartupWaitSeconds < 0)
        {
            failures.Add($"Database:StartupWaitSeconds is {options.Database.StartupWaitSeconds}: set it to 0 (do not wait) or more seconds.");
        }
        foreach (var (setting, entries) in new[] { ("TrustedProxies", options.TrustedProxies), ("Metrics:AllowedNetworks", options.Metrics.AllowedNetworks) })
        {
            foreach (var entry in entries.Where(e => !System.Net.IPAddress.TryParse(e, out _) && !System.Net.IPNetwork.TryParse(e, out _)))
            {
                failures.Add($"{setting} has \"{entry}\", which is neither an address (10.0.0.5) nor a network (10.0.0.0/8).");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException unreadable)
        {
            return unreadable.Message;
        }
    }
}
