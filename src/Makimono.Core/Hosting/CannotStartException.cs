namespace Makimono.Hosting;

/// <summary>
/// Something the operator must fix before the archive can start (a setting, the database); the message is the one
/// line printed for them, so it says what to fix. The program exits with code 2 and no stack trace.
/// </summary>
public sealed class CannotStartException(string message, Exception? cause = null) : Exception(message, cause);
