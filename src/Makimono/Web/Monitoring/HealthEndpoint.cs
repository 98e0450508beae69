using Makimono.Database;

namespace Makimono.Web.Monitoring;

/// <summary>/health: 200 "ok" while the database answers, 503 when it does not (within a few seconds).</summary>
internal static class HealthEndpoint
{
    private static readonly TimeSpan HealthCheckLimit = TimeSpan.FromSeconds(5);

    // A plain request delegate: a lambda with injected parameters is compiled into one at start, which every cold start pays for.
    public static async Task HandleAsync(HttpContext context)
    {
        var db = context.RequestServices.GetRequiredService<ArchiveDbContext>();
        // A database host that drops packets would hold the check for the driver's whole connect timeout.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        limit.CancelAfter(HealthCheckLimit);
        bool up;
        try
        {
            up = await db.Database.CanConnectAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            up = false;
        }
        context.Response.StatusCode = up ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(up ? "ok" : "database unreachable", context.RequestAborted);
    }
}
