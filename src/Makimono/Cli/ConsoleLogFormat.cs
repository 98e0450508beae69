using Makimono.Hosting;
using Microsoft.Extensions.Logging.Console;

namespace Makimono.Cli;

/// <summary>
/// Console logs as an operator's collector wants them: one entry a line, stamped with the UTC time in ISO 8601;
/// or, with Logging:Format=json, one JSON object a line (the built-in JSON console formatter).
/// </summary>
internal static class ConsoleLogFormat
{
    private const string Timestamp = "yyyy-MM-ddTHH:mm:ss.fffZ";

    public static ILoggingBuilder AddArchiveConsole(this ILoggingBuilder logging, IConfiguration configuration, bool toStandardError = false)
    {
        var format = configuration["Logging:Format"];
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            logging.AddJsonConsole(options =>
            {
                options.TimestampFormat = Timestamp;
                options.UseUtcTimestamp = true;
            });
        }
        else if (string.IsNullOrEmpty(format) || string.Equals(format, "text", StringComparison.OrdinalIgnoreCase))
        {
            logging.AddSimpleConsole(options =>
            {
                options.TimestampFormat = Timestamp + " ";
                options.UseUtcTimestamp = true;
                options.SingleLine = true;
            });
        }
        else
        {
            throw new CannotStartException($"Configuration error: Logging:Format is \"{format}\": set it to text (the default) or json.");
        }
        if (toStandardError)
        {
            logging.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        }
        return logging;
    }
}
