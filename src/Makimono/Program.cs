using Makimono.Cli;
using Makimono.Hosting;
using Microsoft.Extensions.Options;

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

internal static class StartupProblems
{
    /// <summary>
    /// The lines to print for a failure the operator can fix, or none for a bug (which keeps its stack trace).
    /// The host may hand them over wrapped, as when a hosted service fails while starting.
    /// </summary>
    public static List<string> Of(Exception error) => error switch
    {
        CannotStartException failure => [failure.Message],
        OptionsValidationException invalid => invalid.Failures.Select(f => $"Configuration error: {f}").ToList(),
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } inUse =>
            [$"{inUse.Message.TrimEnd('.')}: stop what is listening there, or choose another address with --urls."],
        AggregateException many => many.InnerExceptions.SelectMany(Of).Distinct().ToList(),
        { InnerException: { } inner } => Of(inner),
        _ => [],
    };
}
