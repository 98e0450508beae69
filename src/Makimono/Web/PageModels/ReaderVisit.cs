namespace Makimono.Web.PageModels;

/// <summary>
/// Whether a request for a work page is a person opening it. Browsers say what a fetch is for (Sec-Fetch-Dest) and
/// whether it is a speculative prefetch (Sec-Purpose): an &lt;img&gt; in someone's chapter that points at another work
/// page, or a prefetch, is not a reading, so it adds neither a hit nor a history entry. A request without the headers
/// (older browsers, e-readers, scripts) is taken as a visit, as before.
/// </summary>
internal static class ReaderVisit
{
    public static bool IsVisit(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && (!request.Headers.TryGetValue("Sec-Fetch-Dest", out var destination) || string.Equals(destination.ToString(), "document", StringComparison.OrdinalIgnoreCase))
        && !request.Headers.ContainsKey("Sec-Purpose")
        && !string.Equals(request.Headers["Purpose"].ToString(), "prefetch", StringComparison.OrdinalIgnoreCase);
}
