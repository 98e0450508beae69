using Makimono.Tests.Tools;
using System.Text.Json;

namespace Makimono.Tests.Web.Crawling;

/// <summary>
/// The Nu HTML checker (npm vnu-jar, run with Java), once over a set of pages. Java or the jar missing is a failure
/// that says how to get them, never a skip: scripts/test installs both.
/// </summary>
internal static class NuChecker
{
    public sealed record Error(string Role, Uri Page, int Line, string Message, string Extract);

    public static async Task<IReadOnlyList<Error>> CheckAsync(IReadOnlyList<CollectedPage> pages)
    {
        var jar = JarPath();
        var folder = Directory.CreateTempSubdirectory("makimono-nu-").FullName;
        try
        {
            var byFile = new Dictionary<string, CollectedPage>(StringComparer.Ordinal);
            for (var i = 0; i < pages.Count; i++)
            {
                var file = Path.Combine(folder, $"{pages[i].Role}-{i:D5}.html");
                await File.WriteAllTextAsync(file, pages[i].Html);
                byFile[Path.GetFileName(file)] = pages[i];
            }
            var output = await RunAsync(jar, folder);
            using var json = JsonDocument.Parse(output);
            var errors = new List<Error>();
            foreach (var message in json.RootElement.GetProperty("messages").EnumerateArray())
            {
                var url = message.TryGetProperty("url", out var u) ? u.GetString() : null;
                var page = url is null ? null : byFile.GetValueOrDefault(Path.GetFileName(url)); // "file:/tmp/…/reader-00012.html"
                Assert.True(page is not null, $"the Nu checker reported something not about one of the pages: {message}");
                errors.Add(new Error(page!.Role, page.Address, message.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
                    message.GetProperty("message").GetString() ?? "", message.TryGetProperty("extract", out var extract) ? extract.GetString() ?? "" : ""));
            }
            return errors;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> RunAsync(string jar, string folder)
    {
        var run = await JavaJar.RunAsync("The Nu HTML checker", jar, ["--errors-only", "--format", "json", "--stdout", folder]);
        Assert.True(run.Output.TrimStart().StartsWith('{'), $"The Nu HTML checker gave no report (exit {run.ExitCode}): {run.Errors}");
        return run.Output;
    }

    /// <summary>tests/Makimono.Tests/node_modules/vnu-jar/build/dist/vnu.jar, installed by `npm ci` there.</summary>
    private static string JarPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Makimono.slnx")))
            {
                var jar = Path.Combine(dir.FullName, "tests", "Makimono.Tests", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
                Assert.True(File.Exists(jar), $"The Nu HTML checker is not installed: {jar} is missing. Run `npm ci --prefix tests/Makimono.Tests` (scripts/test does).");
                return jar;
            }
        }
        Assert.Fail($"Could not find the repository (Makimono.slnx) above {AppContext.BaseDirectory}.");
        return "";
    }
}
