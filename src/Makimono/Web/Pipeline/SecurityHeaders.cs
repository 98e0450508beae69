namespace Makimono.Web.Pipeline;

/// <summary>The headers every answer carries: no sniffing, no framing, same-origin referrers, and the content security policy.</summary>
internal static class SecurityHeaders
{
    public static void UseSecurityHeaders(this WebApplication app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        // Chapter HTML is sanitized, and this is the second line: no inline or foreign scripts run.
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' http: https: data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
        await next();
    });
}
