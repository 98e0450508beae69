using Makimono.Tests.Database;

namespace Makimono.Tests.Hosting;

/// <summary>A mistyped verb is refused with the list of verbs and exit code 2: it never starts the server or creates data.</summary>
public sealed class UnknownVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("makimono-verb-").FullName;

    [Theory]
    [InlineData("migrte", "migrate")]
    [InlineData("serv", "serve")]
    [InlineData("frobnicate", null)]
    public async Task A_mistyped_verb_is_refused_with_the_verbs_and_creates_nothing(string typed, string? suggested)
    {
        var data = Path.Combine(_folder, "data");
        await using var process = MakimonoProcess.Start(
            [typed, "--data", data, "--urls", $"http://127.0.0.1:{PostgresServer.FreePort()}"], new Dictionary<string, string>());

        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        var stderr = process.Stderr;
        Assert.Contains($"unknown command '{typed}'", stderr, StringComparison.Ordinal);
        if (suggested is not null)
        {
            Assert.Contains($"Did you mean '{suggested}'?", stderr, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("Did you mean", stderr, StringComparison.Ordinal);
        }
        foreach (var verb in new[] { "serve", "migrate", "user", "import", "tags" })
        {
            Assert.Contains(verb, stderr, StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists(data), "A mistyped verb created the data folder.");
    }

    [Fact]
    public async Task A_verb_after_the_data_option_is_still_checked()
    {
        var data = Path.Combine(_folder, "data");
        await using var process = MakimonoProcess.Start(["--data", data, "migrte"], new Dictionary<string, string>());

        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exit);
        Assert.Contains("unknown command 'migrte'", process.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data), "A mistyped verb created the data folder.");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
