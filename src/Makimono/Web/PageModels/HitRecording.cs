using Makimono.Reading.Hits;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Web.PageModels;

internal static class HitRecording
{
    /// <summary>Buffers the work page's visit as a hit when it counts (<see cref="HitCounting"/>); a GET only, never a write.</summary>
    public static void CountHit(this PageModel page, Work work)
    {
        if (!HttpMethods.IsGet(page.Request.Method))
        {
            return;
        }
        var services = page.HttpContext.RequestServices;
        HitCounting.Record(services.GetRequiredService<HitBuffer>(), services.GetRequiredService<TimeProvider>(),
            work, page.Viewer(), page.HttpContext.Connection.RemoteIpAddress);
    }
}
