using Makimono.Cli;
using Microsoft.Extensions.Options;

// With no verb the archive serves, which is also how WebApplicationFactory starts it in tests.
var verbArgs = args.Length == 0 ? ["serve"] : args;
try
{
    return await CommandLine.Build().Parse(verbArgs).InvokeAsync(new() { EnableDefaultExceptionHandler = false });
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
