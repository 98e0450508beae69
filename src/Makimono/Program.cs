using Makimono.Cli;

if (CommandLine.UnknownVerb(args) is { } typed)
{
    await Console.Error.WriteLineAsync(CommandLine.UnknownVerbMessage(typed));
    return 2;
}

try
{
    // Without a verb the archive serves, taking any "--key=value" arguments as host settings;
    // that is also how WebApplicationFactory starts it in tests.
    return CommandLine.HasVerb(args)
        ? await CommandLine.Build().Parse(args).InvokeAsync(new() { EnableDefaultExceptionHandler = false })
        : await ServeCommand.RunAsync(new Dictionary<string, string?>(), urls: null, hostArgs: args, CancellationToken.None);
}
catch (Exception error) when (StartupProblems.Of(error) is { Count: > 0 } problems)
{
    // A configuration mistake or an unreachable database is the operator's to fix: say what, without a stack trace.
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync(problem);
    }
    return 2;
}
catch (OperationCanceledException stopped) when (stopped.CancellationToken.IsCancellationRequested)
{
    // Ctrl-C or SIGTERM before a verb finished its work (serve, whose work is to run until stopped, exits 0 itself).
    await Console.Error.WriteLineAsync("makimono: stopped before it finished.");
    return 130;
}

/// <summary>Named so that WebApplicationFactory&lt;Program&gt; can find the entry point.</summary>
public partial class Program;
