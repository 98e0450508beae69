using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Makimono.Tests.Mail;

/// <summary>
/// A real SMTP server on loopback (Debian's python3-aiosmtpd, through smtp_sink.py) that keeps every message it
/// receives, for the tests to read as a mailbox. Without aiosmtpd it fails, saying how to install it.
/// </summary>
public sealed class LoopbackSmtpServer : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _folder = Directory.CreateTempSubdirectory("makimono-smtp-").FullName;

    public LoopbackSmtpServer()
    {
        if (!File.Exists(Python) || !Succeeds(Python, "-c", "import aiosmtpd"))
        {
            throw new InvalidOperationException(
                "The mail tests need a loopback SMTP server from Debian's python3-aiosmtpd, for /usr/bin/python3: apt-get install -y python3-aiosmtpd (scripts/test installs it).");
        }
        Port = FreePort();
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Mail", "smtp_sink.py"), Port.ToString(System.Globalization.CultureInfo.InvariantCulture), _folder })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the loopback SMTP server.");
        var ready = _process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(StartTimeout) || ready.Result != "ready")
        {
            _process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The loopback SMTP server did not start: {_process.StandardError.ReadToEnd()}");
        }
    }

    public int Port { get; }

    /// <summary>The settings that point the archive at this server.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:From"] = "Makimono <archive@makimono.test>",
        ["Mail:BaseUrl"] = "http://localhost",
    };

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Received() =>
        Directory.GetFiles(_folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();

    /// <summary>Messages received so far to <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        Received().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>
    /// Waits until <paramref name="address"/> has received <paramref name="count"/> messages (pages send after they
    /// answer) and returns the last. Fails after a while, saying what did arrive.
    /// </summary>
    public async Task<MimeMessage> WaitForAsync(string address, int count = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var received = To(address);
            if (received.Count >= count)
            {
                return received[count - 1];
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{address} received {received.Count} of {count} mail(s); all received: "
                    + string.Join("; ", Received().Select(m => $"{m.To} \"{m.Subject}\"")));
            }
            await Task.Delay(50);
        }
    }

    /// <summary>The first link in the plain-text body that starts with <paramref name="prefix"/>, as a path to follow.</summary>
    public static string LinkIn(MimeMessage message, string prefix)
    {
        var text = message.TextBody ?? throw new InvalidOperationException("The mail has no plain-text body.");
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No link starting {prefix} in:\n{text}");
        var uri = new Uri(line);
        Assert.Contains(uri.PathAndQuery, message.HtmlBody ?? "", StringComparison.Ordinal);
        return uri.PathAndQuery;
    }

    private static bool Succeeds(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool _disposed;

    /// <summary>Idempotent: WebApplicationFactory's DisposeAsync and Dispose both reach a factory's Dispose(bool).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}
