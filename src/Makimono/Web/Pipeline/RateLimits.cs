using System.Threading.RateLimiting;

namespace Makimono.Web.Pipeline;

/// <summary>The per-address limits on the login, sign-up and mail forms' POSTs (<see cref="RateLimitOptions"/>).</summary>
internal static class RateLimits
{
    public static void AddArchiveRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(ArchiveWebApp.LoginRateLimit, context => PerAddressPosts(context,
                limits => limits.LoginsPer20Seconds, TimeSpan.FromSeconds(20), "Too many login attempts from your address. Wait 20 seconds and try again."));
            options.AddPolicy(ArchiveWebApp.SignUpRateLimit, context => PerAddressPosts(context,
                limits => limits.SignUpsPerHour, TimeSpan.FromHours(1), "Too many sign-ups from your address in the last hour. Try again in an hour; no account was created."));
            options.AddPolicy(ArchiveWebApp.MailRateLimit, context => PerAddressPosts(context,
                limits => limits.MailsPerHour, TimeSpan.FromHours(1), "Too many requests for mail from your address in the last hour. Try again in an hour; no mail was sent."));
        });

    /// <summary>Counts a form's POSTs per address in fixed windows; reading the form is never limited.</summary>
    private static RateLimitPartition<string> PerAddressPosts(HttpContext context, Func<RateLimitOptions, int> limit, TimeSpan window, string message)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("reading the form");
        }
        var limits = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;
        // Set before the limiter decides; only the 429 page reads it.
        context.Items[ArchiveWebApp.RateLimitMessageKey] = message;
        return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit(limits), Window = window });
    }
}
