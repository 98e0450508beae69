namespace Makimono.Cli;

internal static class LogFilters
{
    public static ILoggingBuilder AddArchiveFilters(this ILoggingBuilder logging)
    {
        // A failed command surfaces as an exception, which is logged where it is handled; EF's own line for it
        // also fires when migrations probe for a history table that a fresh database does not have yet.
        logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        // A database that does not answer is reported once, where it is handled: at start by one line that says what
        // to fix, in a request by the error handler. EF's own line repeats it with a stack trace.
        logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.None);
        // A start that fails (a bad setting, no database, an address in use) is printed by Program.cs as one line,
        // without this stack trace. Its critical line too: when a start fails, .NET 10 reports each background
        // service whose first run was cancelled before it began as a crash; the services catch their own failures.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        // The data-protection keys are kept in the archive's own database, which is as protected as the
        // sessions they sign; the warning about unencrypted keys would only alarm operators.
        logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        return logging;
    }
}
