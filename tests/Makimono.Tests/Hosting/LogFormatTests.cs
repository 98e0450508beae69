using System.Text.Json;
using System.Text.RegularExpressions;

namespace Makimono.Tests.Hosting;

/// <summary>What an operator's log collector reads: lines stamped with UTC ISO 8601 times, or JSON objects.</summary>
public sealed partial class LogFormatTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("makimono-logs-").FullName;

    [Fact]
    public async Task Every_log_line_starts_with_a_UTC_ISO_8601_timestamp()
    {
        var (exit, _, stderr) = await MakimonoProcess.RunAsync(["migrate", "--data", _folder], new Dictionary<string, string>());

        Assert.True(exit == 0, stderr);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, line => line.Contains("Database migrated.", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.Matches(Timestamped(), line));
    }

    [Fact]
    public async Task Logging_Format_json_writes_one_json_object_a_line()
    {
        var (exit, _, stderr) = await MakimonoProcess.RunAsync(["migrate", "--data", _folder], new Dictionary<string, string> { ["Logging__Format"] = "json" });

        Assert.True(exit == 0, stderr);
        var entries = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var migrated = Assert.Single(entries, e => e.GetProperty("Message").GetString() == "Database migrated.");
        Assert.Equal("Information", migrated.GetProperty("LogLevel").GetString());
        Assert.Matches(Timestamped(), migrated.GetProperty("Timestamp").GetString()!);
    }

    [Fact]
    public async Task An_unknown_log_format_is_one_line_and_exit_code_2()
    {
        var (exit, _, stderr) = await MakimonoProcess.RunAsync(["migrate", "--data", _folder], new Dictionary<string, string> { ["Logging__Format"] = "xml" });

        Assert.Equal(2, exit);
        Assert.Contains("Logging:Format is \"xml\"", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")]
    private static partial Regex Timestamped();

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
