using Makimono.Accounts;
using Makimono.Database;
using Makimono.Exports;
using Makimono.Exports.Pdf;
using Makimono.Works;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;

namespace Makimono.Web.Downloads;

/// <summary>
/// GET /works/{id}/download.epub|.html|.txt|.pdf: the work as a file, for whoever may see its page, with the chapters they
/// may read. Answers conditional requests with 304 before anything is generated, so a tool polling for updates costs
/// one query.
/// </summary>
internal static class DownloadEndpoint
{
    // A plain request delegate, like /health: nothing to compile at start.
    public static async Task HandleAsync(HttpContext context)
    {
        var values = context.Request.RouteValues;
        if (!int.TryParse(values["id"]?.ToString(), out var id) || !DownloadUrls.TryParseExtension(values["extension"]?.ToString(), out var format))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var ct = context.RequestAborted;
        var db = context.RequestServices.GetRequiredService<ArchiveDbContext>();
        var viewer = Viewer.From(context.User);
        // The work page's rules: WorkAccess decides, and a guest asking for a restricted work is asked to log in.
        var work = await WorkQueries.FindVisibleAsync(db, id, viewer, ct);
        if (work is null)
        {
            if (await WorkQueries.NeedsLoginAsync(db, id, viewer, ct))
            {
                await context.ChallengeAsync();
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
            return;
        }
        var request = context.Request;
        var exported = ExportedWork.From(work, WorkAccess.ReadableChapters(work, viewer), $"{request.Scheme}://{request.Host}{request.PathBase}");
        var fingerprint = exported.Fingerprint();
        var etag = new EntityTagHeaderValue(DownloadCache.ETagOf(exported, fingerprint, format));
        var lastModified = new DateTimeOffset(exported.Modified, TimeSpan.Zero);
        var headers = context.Response.GetTypedHeaders();
        // Drafts and restricted works must never be kept by a shared cache; every reuse is checked with the ETag.
        headers.CacheControl = new CacheControlHeaderValue { Private = true, NoCache = true };
        if (NotModified(request.GetTypedHeaders(), etag, lastModified))
        {
            headers.ETag = etag;
            headers.LastModified = lastModified;
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        DownloadFile file;
        try
        {
            file = context.RequestServices.GetRequiredService<DownloadCache>().Get(exported, fingerprint, format);
        }
        catch (PdfFontsMissingException missing)
        {
            // Never a PDF with blank text: the reader is told, the log says what to install.
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DownloadEndpoint)).LogError(missing, "PDF download refused");
            headers.CacheControl = new CacheControlHeaderValue { NoStore = true };
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("PDF downloads are unavailable: the fonts they need are not installed on this archive. The other formats work.", ct);
            return;
        }
        await Results.File(file.Bytes, DownloadUrls.MediaType(format), file.FileName, enableRangeProcessing: false, lastModified, etag).ExecuteAsync(context);
    }

    /// <summary>RFC 9110 section 13.2.2: If-None-Match decides when present; If-Modified-Since only without it.</summary>
    private static bool NotModified(Microsoft.AspNetCore.Http.Headers.RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        }
        return request.IfModifiedSince is { } since && lastModified <= since;
    }
}
