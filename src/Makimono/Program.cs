using Makimono.Cli;
using Microsoft.Extensions.Options;

try
{
    // Without a verb the archive serves, taking any "--key=value" arguments as host settings;
    // that is also how WebApplicationFactory starts it in tests.
    return CommandLine.HasVerb(args)
        ? await CommandLine.Build().Parse(args).InvokeAsync(new() { EnableDefaultExceptionHandler = false })
        : await ServeCommand.RunAsync(new Dictionary<string, string?>(), urls: null, hostArgs: args, CancellationToken.None);
}
catch (OptionsValidationException invalid)
{
    // A configuration mistake is the operator's to fix: say what is wrong, without a stack trace.
    foreach (var failure in invalid.Failures)
    {
        await Console.Error.WriteLineAsync($"Configuration error: {failure}");
    }
    return 2;
}

/// <summary>Named so that WebApplicationFactory&lt;Program&gt; can find the entry point.</summary>
public partial class Program;
