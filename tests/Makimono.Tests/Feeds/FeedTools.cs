using System.Diagnostics;
using System.Text.Json;

namespace Makimono.Tests.Feeds;

/// <summary>
/// The two real tools the feed tests check with: Debian's jing (RELAX NG, against the OPDS 1.2 schema and RFC 4287's Atom
/// schema copied into Feeds/Schemas) and Debian's python3-feedparser. A missing tool fails the test and says what to install.
/// </summary>
internal static class FeedTools
{
    private static string Here => Path.Combine(AppContext.BaseDirectory, "Feeds");

    public static string OpdsSchema => Path.Combine(Here, "Schemas", "opds-1.2.rnc");

    public static string AtomSchema => Path.Combine(Here, "Schemas", "atom.rnc");

    /// <summary>Validates each document with jing against the schema and fails with jing's messages.</summary>
    public static async Task AssertValidAsync(string schema, params string[] documents)
    {
        Assert.True(File.Exists("/usr/bin/jing"), "jing is not installed: apt-get install jing (scripts/test installs it).");
        var folder = Directory.CreateTempSubdirectory("makimono-feeds-").FullName;
        try
        {
            var files = documents.Select((xml, i) =>
            {
                var file = Path.Combine(folder, $"document-{i}.xml");
                File.WriteAllText(file, xml);
                return file;
            }).ToList();
            var (exit, output) = await RunAsync("/usr/bin/jing", ["-c", schema, .. files], stdin: null);
            var messages = string.Join('\n', output.Split('\n').Where(l => !l.StartsWith("[warning]", StringComparison.Ordinal)));
            var shown = messages.Length == 0 ? "" : "\n" + string.Join("\n----\n", documents.Select((d, i) => $"document-{i}.xml:\n{d}"));
            Assert.True(exit == 0, $"jing refused the documents:\n{messages}{shown}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>What feedparser reads from the document (see feedparse.py); fails when feedparser calls it malformed.</summary>
    public static async Task<JsonElement> ParseAsync(string xml)
    {
        Assert.True(File.Exists("/usr/bin/python3"), "python3 is not installed: apt-get install python3-feedparser (scripts/test installs it).");
        var (exit, output) = await RunAsync("/usr/bin/python3", [Path.Combine(Here, "feedparse.py")], xml);
        Assert.True(exit == 0, $"feedparser failed (apt-get install python3-feedparser; scripts/test installs it):\n{output}");
        var parsed = JsonDocument.Parse(output).RootElement.Clone();
        Assert.False(parsed.GetProperty("bozo").GetBoolean(), $"feedparser found the feed malformed: {parsed.GetProperty("bozo_exception")}\n{xml}");
        return parsed;
    }

    /// <summary>The href of the first link with this rel (and type, when given) in a parsed feed's or entry's links.</summary>
    public static string? Link(JsonElement item, string rel, string? type = null) => Links(item, rel, type).FirstOrDefault()?.GetProperty("href").GetString();

    public static IEnumerable<JsonElement?> Links(JsonElement item, string rel, string? type = null) =>
        item.GetProperty("links").EnumerateArray()
            .Where(l => l.TryGetProperty("rel", out var r) && r.GetString() == rel
                && (type is null || (l.TryGetProperty("type", out var t) && t.GetString() == type)))
            .Select(l => (JsonElement?)l);

    private static async Task<(int Exit, string Output)> RunAsync(string program, IEnumerable<string> arguments, string? stdin)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
