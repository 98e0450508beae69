using Makimono.Reading.Hits;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Web.PageModels;

internal static class HitRecording
{
    /// <summary>
    /// Buffers the work page's visit as a hit when it counts (<see cref="HitCounting"/>): a person's visit
    /// (<see cref="ReaderVisit"/>), never a write, an embedded image or a prefetch.
    /// </summary>
    public static void CountHit(this PageModel page, Work work)
    {
        if (!ReaderVisit.IsVisit(page.Request))
        {
            return;
        }
        var services = page.HttpContext.RequestServices;
        HitCounting.Record(services.GetRequiredService<HitBuffer>(), services.GetRequiredService<TimeProvider>(),
            work, page.Viewer(), page.HttpContext.Connection.RemoteIpAddress);
    }
}
