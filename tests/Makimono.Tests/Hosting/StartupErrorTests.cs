using System.Net;
using Makimono.Tests.Database;
using Npgsql;

namespace Makimono.Tests.Hosting;

/// <summary>
/// A bad setting or a database that cannot be used stops every verb at start with one line that says what to fix
/// and exit code 2, never a stack trace; a database that is only late is waited for.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class StartupErrorTests(TestDatabases databases) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("makimono-startup-").FullName;

    public static TheoryData<string> Verbs => new() { "serve", "migrate", "user", "import", "tags" };

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task A_misspelt_provider_is_one_line_and_exit_code_2(string verb)
    {
        var (exit, stdout, stderr) = await RunAsync(verb, new() { ["Database__Provider"] = "Postgresql" });

        Assert.Equal(2, exit);
        var line = Assert.Single(Lines(stderr));
        Assert.Contains("Database:Provider is \"Postgresql\"", line, StringComparison.Ordinal);
        Assert.Contains("Sqlite or Postgres", line, StringComparison.Ordinal);
        AssertNoStackTrace(stdout + stderr);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task An_unreachable_database_is_retried_then_one_line_and_exit_code_2(string verb)
    {
        var deadPort = PostgresServer.FreePort();

        var (exit, stdout, stderr) = await RunAsync(verb, new()
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = $"Host=127.0.0.1;Port={deadPort};Username=makimono;Password=secret;Database=archive",
            ["Database__StartupWaitSeconds"] = "2",
        });

        Assert.Equal(2, exit);
        var output = stdout + stderr;
        Assert.Contains("does not answer", output, StringComparison.Ordinal);
        var last = Lines(stderr).Last();
        Assert.Contains($"\"archive\" at 127.0.0.1:{deadPort}", last, StringComparison.Ordinal);
        Assert.Contains("did not answer within 2 s", last, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", output, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task A_database_that_does_not_exist_fails_at_once_without_retrying()
    {
        await using var existing = await databases.CreateAsync(Makimono.Hosting.DatabaseProvider.Postgres, migrated: false);
        await using var context = existing.NewContext();
        var missing = new NpgsqlConnectionStringBuilder(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(context.Database))
        {
            Database = "no_such_archive",
        };

        var (exit, stdout, stderr) = await RunAsync("serve", new()
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = missing.ToString(),
        });

        Assert.Equal(2, exit);
        var line = Lines(stderr).Last();
        Assert.Contains("\"no_such_archive\"", line, StringComparison.Ordinal);
        Assert.Contains("does not exist", line, StringComparison.Ordinal);
        Assert.DoesNotContain("does not answer", stdout + stderr, StringComparison.Ordinal);
        AssertNoStackTrace(stdout + stderr);
    }

    [Fact]
    public async Task A_wrong_password_fails_at_once_without_retrying()
    {
        await using var server = await PostgresServer.StartAsync(password: "the right one");
        var wrong = new NpgsqlConnectionStringBuilder(server.ConnectionString("postgres")) { Password = "a wrong one" };

        var (exit, stdout, stderr) = await RunAsync("serve", new()
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = wrong.ToString(),
        });

        Assert.Equal(2, exit);
        var line = Lines(stderr).Last();
        Assert.Contains("PostgreSQL refused the login", line, StringComparison.Ordinal);
        Assert.Contains("Username and Password", line, StringComparison.Ordinal);
        Assert.DoesNotContain("a wrong one", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("does not answer", stdout + stderr, StringComparison.Ordinal);
        AssertNoStackTrace(stdout + stderr);
    }

    [Fact]
    public async Task An_unreadable_connection_string_is_one_line_and_exit_code_2()
    {
        var (exit, stdout, stderr) = await RunAsync("serve", new()
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = "Hots=localhost;Database=makimono",
        });

        Assert.Equal(2, exit);
        Assert.Contains("Database:ConnectionString cannot be read", Assert.Single(Lines(stderr)), StringComparison.Ordinal);
        AssertNoStackTrace(stdout + stderr);
    }

    [Fact]
    public async Task A_url_without_its_scheme_is_one_line_and_exit_code_2()
    {
        var (exit, stdout, stderr) = await MakimonoProcess.RunAsync(
            ["serve", "--urls", "localhost:5080", "--data", Path.Combine(_folder, "data")], new Dictionary<string, string>());

        Assert.Equal(2, exit);
        Assert.Contains("Urls has \"localhost:5080\"", Assert.Single(Lines(stderr)), StringComparison.Ordinal);
        AssertNoStackTrace(stdout + stderr);
    }

    [Fact]
    public async Task An_address_in_use_is_one_line_and_exit_code_2()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exit, stdout, stderr) = await MakimonoProcess.RunAsync(
            ["serve", "--urls", $"http://127.0.0.1:{port}", "--data", Path.Combine(_folder, "data")], new Dictionary<string, string>());

        Assert.Equal(2, exit);
        var line = Assert.Single(Lines(stderr));
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
        AssertNoStackTrace(stdout + stderr);
    }

    [Fact]
    public async Task Serve_started_before_postgres_waits_for_it_and_then_serves()
    {
        var databasePort = PostgresServer.FreePort();
        var webPort = PostgresServer.FreePort();
        await using var node = MakimonoProcess.Start(
            ["serve", "--urls", $"http://127.0.0.1:{webPort}", "--data", _folder],
            new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["Database__ConnectionString"] = $"Host=127.0.0.1;Port={databasePort};Username=postgres;Database=postgres",
                ["Database__StartupWaitSeconds"] = "180",
            });
        await node.WaitForOutputAsync("does not answer", TimeSpan.FromMinutes(1));

        await using var server = await PostgresServer.StartAsync(databasePort);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}"), Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        HttpStatusCode? status = null;
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline && !node.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                status = response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }
        Assert.True(status == HttpStatusCode.OK, $"The node never served /health ({status}). It printed:\n{node.Stdout}\n{node.Stderr}");
        Assert.Contains("answered after", node.Stdout + node.Stderr, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string verb, Dictionary<string, string> settings)
    {
        var data = Path.Combine(_folder, "data");
        var story = Path.Combine(_folder, "story.txt");
        var tags = Path.Combine(_folder, "tags.json");
        await File.WriteAllTextAsync(story, "A Short Story\n\nIt was short.\n");
        await File.WriteAllTextAsync(tags, """[{"type": "fandom", "name": "Original Work"}]""");
        string[] arguments = verb switch
        {
            "serve" => ["serve", "--urls", $"http://127.0.0.1:{PostgresServer.FreePort()}"],
            "migrate" => ["migrate"],
            "user" => ["user", "add", "quill", "--email", "quill@example.org"],
            "import" => ["import", story, "--pseud", "quill", "--fandom", "Original Work"],
            "tags" => ["tags", "load", tags],
            _ => throw new ArgumentOutOfRangeException(nameof(verb)),
        };
        return await MakimonoProcess.RunAsync([.. arguments, "--data", data], settings, stdin: "a long enough password\n");
    }

    private static List<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static void AssertNoStackTrace(string output)
    {
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
