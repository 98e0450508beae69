using Makimono.Hosting;
using Microsoft.Extensions.Options;

namespace Makimono.Cli;

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
