using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Makimono.BrowserTests;

/// <summary>
/// The real `makimono` executable, run as a child process on a free loopback port with a fresh data folder,
/// so the browser sees exactly what an operator's archive would serve.
/// </summary>
public sealed class ArchiveServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <summary>Holds the data folder and is the server's working directory, so no operator's appsettings.json is read.</summary>
    private readonly string _root = Directory.CreateTempSubdirectory("makimono-browser-").FullName;

    public string DataDirectory => Path.Combine(_root, "data");
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Everything the server printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string ServerDll
    {
        get
        {
            var path = typeof(ArchiveServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "MakimonoDll").Value!;
            return File.Exists(path) ? path : throw new FileNotFoundException(
                $"The archive is not built at {path}: build tests/Makimono.BrowserTests, which builds src/Makimono first.");
        }
    }

    /// <summary>Creates an account the way an operator does, with the password on standard input.</summary>
    public async Task AddUserAsync(string name, string email, string password, bool admin = false)
    {
        var args = new List<string> { "user", "add", name, "--email", email, "--data", DataDirectory };
        if (admin)
        {
            args.Add("--admin");
        }
        using var process = Process.Start(StartInfo(args, redirectInput: true))!;
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`makimono user add {name}` exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }

    public async Task StartAsync()
    {
        BaseUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        _process = new Process
        {
            StartInfo = StartInfo(["serve", "--data", DataDirectory, "--urls", BaseUrl.ToString().TrimEnd('/')], redirectInput: false),
        };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForHealthAsync();
    }

    private async Task WaitForHealthAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"makimono serve exited with {_process.ExitCode} before it was healthy. Its output:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, "/health"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // A slow first request while the server warms up; try again.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"GET {BaseUrl}health did not return 200 within {StartTimeout.TotalSeconds} s. Server output:\n{Output}");
    }

    private ProcessStartInfo StartInfo(IEnumerable<string> args, bool redirectInput)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
            WorkingDirectory = _root,
        };
        info.ArgumentList.Add(ServerDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        // Settings from the developer's shell (say a PostgreSQL provider) must not leak into the test archive.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MAKIMONO_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return info;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
