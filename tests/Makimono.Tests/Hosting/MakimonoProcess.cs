using System.Diagnostics;
using System.Text;

namespace Makimono.Tests.Hosting;

/// <summary>The built `makimono` program run as an operator runs it: its exit code, and what it printed.</summary>
internal sealed class MakimonoProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private MakimonoProcess(Process process)
    {
        _process = process;
    }

    public string Stdout
    {
        get { lock (_stdout) { return _stdout.ToString(); } }
    }

    public string Stderr
    {
        get { lock (_stderr) { return _stderr.ToString(); } }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the program with these arguments and MAKIMONO_ settings (given without the prefix, as "Database__Provider").</summary>
    public static MakimonoProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> settings, string? stdin = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "makimono.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in settings)
        {
            start.Environment[$"MAKIMONO_{key}"] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start makimono.");
        var running = new MakimonoProcess(process);
        process.OutputDataReceived += (_, line) => running.Append(running._stdout, line.Data);
        process.ErrorDataReceived += (_, line) => running.Append(running._stderr, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Write(stdin ?? string.Empty);
        process.StandardInput.Close();
        return running;
    }

    /// <summary>Runs a verb to its end.</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string> settings, string? stdin = null)
    {
        await using var process = Start(arguments, settings, stdin);
        var exit = await process.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (exit, process.Stdout, process.Stderr);
    }

    /// <summary>Sends SIGTERM, as `timeout`, systemd or `docker stop` do to ask the program to stop.</summary>
    public void Terminate()
    {
        if (Kill(_process.Id, Sigterm) != 0)
        {
            throw new InvalidOperationException($"Could not send SIGTERM to makimono (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}).");
        }
    }

    private const int Sigterm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>Waits until the program has printed <paramref name="text"/>, failing with its output if it exits or takes too long.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!(Stdout + Stderr).Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"makimono never printed \"{text}\". It printed:\n{Stdout}\n{Stderr}");
            }
            await Task.Delay(100);
        }
    }

    private void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
