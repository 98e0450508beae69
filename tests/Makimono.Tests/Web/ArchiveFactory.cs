using Makimono.Web.Pipeline;
using Makimono.Accounts;
using Makimono.Database;
using Makimono.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Makimono.Tests.Web;

/// <summary>The real web app on a fresh SQLite file in a temporary data folder, migrated as `serve` does.</summary>
public class ArchiveFactory : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("makimono-web-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Data", dataDirectory);
        // Every test logs in from the same (absent) address; the limit itself is not what these tests are about.
        builder.UseSetting("RateLimits:LoginsPer20Seconds", "10000");
        builder.UseSetting("RateLimits:SignUpsPerHour", "10000");
        builder.UseSetting("RateLimits:MailsPerHour", "10000");
        builder.UseSetting("RateLimits:FailedLoginsPerAccount", "10000");
        // Production, so the tests see the error pages people see.
        builder.UseEnvironment("Production");
        ConfigureArchive(builder);
    }

    /// <summary>Settings of a factory made for one kind of test, applied after (and over) the usual ones.</summary>
    protected virtual void ConfigureArchive(IWebHostBuilder builder)
    {
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        ArchiveStartup.MigrateAsync(host.Services, CancellationToken.None).GetAwaiter().GetResult();
        return host;
    }

    public async Task<User> CreateUserAsync(string name, bool isAdmin = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var result = await CreateUser.RunAsync(db, TimeProvider.System, name, $"{name}@example.org", WebClient.Password, isAdmin);
        return result.User ?? throw new InvalidOperationException(string.Join("; ", result.Errors.Values));
    }

    public async Task<T> WithDbAsync<T>(Func<ArchiveDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ArchiveDbContext>());
    }

    public async Task<WebClient> LoggedInAsync(string name)
    {
        var client = Guest();
        await client.LogInAsync(name);
        return client;
    }

    public WebClient Guest() => new(NewHttpClient());

    /// <summary>A client as the tests' browsers use it (cookies kept, redirects not followed); a factory on Kestrel calls its port.</summary>
    protected virtual HttpClient NewHttpClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing the run over it is not.
        }
    }
}
