using Makimono.Cli;

// With no verb the archive serves, which is also how WebApplicationFactory starts it in tests.
var verbArgs = args.Length == 0 ? ["serve"] : args;
return await CommandLine.Build().Parse(verbArgs).InvokeAsync();

/// <summary>Named so that WebApplicationFactory&lt;Program&gt; can find the entry point.</summary>
public partial class Program;
