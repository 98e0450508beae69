using System.Diagnostics;
using Xunit;

namespace Makimono.Tests.Tools;

/// <summary>
/// Runs a Java checker (epubcheck, the Nu HTML checker) as `java -jar JAR ARGS` and returns what it printed.
/// A machine without Java fails the test with the install command, never skips it.
/// </summary>
public static class JavaJar
{
    public sealed record Run(int ExitCode, string Output, string Errors);

    public static async Task<Run> RunAsync(string tool, string jar, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-jar");
        start.ArgumentList.Add(jar);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"{tool} needs Java, which could not be started ({e.Message}). Install it: apt-get install default-jre-headless (scripts/test does).");
            throw;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return new Run(process.ExitCode, await stdout, await stderr);
        }
    }
}
