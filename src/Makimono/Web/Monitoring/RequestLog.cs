using System.Diagnostics;
using System.Security.Claims;

namespace Makimono.Web.Monitoring;

/// <summary>
/// One log line per request: method, path, status, time taken and the user's id ("-" for a guest). The query string
/// is left out, since it may carry what a reader searched for.
/// </summary>
internal static partial class RequestLog
{
    public const string Category = "Makimono.Requests";

    public static void UseRequestLog(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next();
            }
            finally
            {
                var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-";
                Answered(logger, context.Request.Method, context.Request.Path.Value ?? "/", context.Response.StatusCode,
                    Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1), userId);
            }
        });
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} {StatusCode} in {ElapsedMs} ms by user {UserId}")]
    private static partial void Answered(ILogger logger, string method, string path, int statusCode, double elapsedMs, string userId);
}
