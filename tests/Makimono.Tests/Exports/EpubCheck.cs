using Makimono.Tests.Tools;
using Xunit;

namespace Makimono.Tests.Exports;

/// <summary>
/// Debian's epubcheck, run as `java -jar /usr/share/java/epubcheck.jar` (the /usr/bin wrapper needs binfmt_misc).
/// A book passes only with no fatal error, no error and no warning. A missing epubcheck or Java fails the test.
/// </summary>
public static class EpubCheck
{
    public const string Jar = "/usr/share/java/epubcheck.jar";

    /// <summary>epubcheck's report of problems: every FATAL, ERROR and WARNING line; empty when the book is valid.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(byte[] epub)
    {
        Assert.True(File.Exists(Jar), $"epubcheck is not installed ({Jar} is missing). Install it: apt-get install epubcheck default-jre-headless (scripts/test does).");
        var file = Path.Combine(Path.GetTempPath(), $"makimono-epubcheck-{Guid.NewGuid():N}.epub");
        await File.WriteAllBytesAsync(file, epub);
        try
        {
            var run = await JavaJar.RunAsync("epubcheck", Jar, [file]);
            var output = run.Output + "\n" + run.Errors;
            Assert.True(output.Contains("EPUBCheck", StringComparison.Ordinal) || output.Contains("epubcheck", StringComparison.OrdinalIgnoreCase),
                $"epubcheck gave no report (exit {run.ExitCode}): {output}");
            var problems = output.Split('\n')
                .Where(l => l.StartsWith("FATAL", StringComparison.Ordinal) || l.StartsWith("ERROR", StringComparison.Ordinal) || l.StartsWith("WARNING", StringComparison.Ordinal))
                .Select(l => l.Replace(file, "book.epub", StringComparison.Ordinal))
                .ToList();
            if (run.ExitCode != 0 && problems.Count == 0)
            {
                problems.Add($"epubcheck exited with {run.ExitCode}: {output}");
            }
            return problems;
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static async Task AssertValidAsync(byte[] epub, string what)
    {
        var problems = await ProblemsAsync(epub);
        Assert.True(problems.Count == 0, $"epubcheck found problems in {what}:\n{string.Join("\n", problems)}");
    }
}
