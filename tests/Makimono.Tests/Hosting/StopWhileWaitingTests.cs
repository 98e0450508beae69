using Makimono.Tests.Database;

namespace Makimono.Tests.Hosting;

/// <summary>Asked to stop (SIGTERM, Ctrl-C) while it waits for PostgreSQL, `serve` says so in one line and exits cleanly.</summary>
public sealed class StopWhileWaitingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("makimono-stop-").FullName;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Sigterm_while_waiting_for_postgres_is_one_line_and_exit_code_0(bool withServeVerb)
    {
        string[] arguments = ["--urls", $"http://127.0.0.1:{PostgresServer.FreePort()}", "--data", _folder];
        await using var node = MakimonoProcess.Start(withServeVerb ? ["serve", .. arguments] : arguments, new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = $"Host=127.0.0.1;Port={PostgresServer.FreePort()};Username=postgres;Database=postgres",
            ["Database__StartupWaitSeconds"] = "180",
        });
        await node.WaitForOutputAsync("does not answer", TimeSpan.FromMinutes(1));

        node.Terminate();
        var exit = await node.WaitForExitAsync(TimeSpan.FromSeconds(30));

        var output = node.Stdout + node.Stderr;
        Assert.True(exit == 0, $"Exit code {exit}. It printed:\n{output}");
        Assert.Contains("stopped while waiting for the database", node.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\n\s+at \S", output);
    }

    [Fact]
    public async Task Sigterm_while_migrate_waits_for_postgres_is_one_line_and_exit_code_130()
    {
        await using var node = MakimonoProcess.Start(["migrate", "--data", _folder], new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = $"Host=127.0.0.1;Port={PostgresServer.FreePort()};Username=postgres;Database=postgres",
            ["Database__StartupWaitSeconds"] = "180",
        });
        await node.WaitForOutputAsync("does not answer", TimeSpan.FromMinutes(1));

        node.Terminate();
        var exit = await node.WaitForExitAsync(TimeSpan.FromSeconds(30));

        var output = node.Stdout + node.Stderr;
        Assert.True(exit == 130, $"Exit code {exit}. It printed:\n{output}");
        Assert.Contains("stopped before it finished", node.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\n\s+at \S", output);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
