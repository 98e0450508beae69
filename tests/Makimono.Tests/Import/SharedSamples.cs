using Xunit.Abstractions;
using Xunit.Sdk;

namespace Makimono.Tests.Import;

/// <summary>
/// The sample works in ../shared/samples beside the repository (or the folder named by MAKIMONO_SAMPLES). They are
/// other people's writing, so they are not in the repository: a fresh clone has no such folder and its tests still
/// pass, saying plainly that these were not run. CI (CI=true) must have them, so there their absence fails.
/// </summary>
public sealed class SharedSamples
{
    public const string FolderVariable = "MAKIMONO_SAMPLES";

    public SharedSamples(IMessageSink diagnostics)
    {
        Folder = Locate();
        if (!Directory.Exists(Folder) && !IsCi)
        {
            // One notice per run in the `dotnet test` output (xunit.runner.json shows diagnostic messages).
            diagnostics.OnMessage(new DiagnosticMessage(Absent));
        }
    }

    public string Folder { get; }

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private string Absent => $"NOTICE: the sample works are not in {Folder}, so the tests that read them checked nothing. " +
        $"Put ../shared/samples beside the repository (or set {FolderVariable}) to run them; CI must have them.";

    /// <summary>
    /// Whether the samples are there for a test to read. When they are not, it writes so to the test's output and the
    /// test passes without checking anything, except on CI, where it fails.
    /// </summary>
    public bool Available(ITestOutputHelper output)
    {
        if (Directory.Exists(Folder))
        {
            return true;
        }
        Assert.False(IsCi, $"CI must have the sample works, but {Folder} does not exist.");
        output.WriteLine(Absent);
        return false;
    }

    public string PathOf(string name)
    {
        var path = Path.Combine(Folder, name);
        Assert.True(File.Exists(path), $"The sample {path} is missing from {Folder}.");
        return path;
    }

    /// <summary>MAKIMONO_SAMPLES, else ../shared/samples beside the repository (or worktree) the tests were built from.</summary>
    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } chosen)
        {
            return Path.GetFullPath(chosen);
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Makimono.slnx")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "samples"));
            }
        }
        throw new InvalidOperationException($"Could not find the repository (Makimono.slnx) above {AppContext.BaseDirectory}.");
    }
}
