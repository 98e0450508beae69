namespace Makimono.Exports;

public enum DownloadFormat
{
    Epub,
    Html,
    Text,
    Pdf,
}

/// <summary>
/// The one home of the download URLs, so the work page, the OPDS catalog and the feeds link to the same stable address
/// that a tool can poll: /works/{id}/download.epub, .html, .txt and .pdf.
/// </summary>
public static class DownloadUrls
{
    /// <summary>The route the download endpoint is mapped at.</summary>
    public const string RoutePattern = "/works/{id:int}/download.{extension}";

    public static IReadOnlyList<DownloadFormat> All { get; } = [DownloadFormat.Epub, DownloadFormat.Html, DownloadFormat.Text, DownloadFormat.Pdf];

    /// <summary>The site-relative path of a work's download, such as "/works/7/download.epub".</summary>
    public static string Path(int workId, DownloadFormat format) =>
        $"/works/{workId.ToString(System.Globalization.CultureInfo.InvariantCulture)}/download.{Extension(format)}";

    public static string Extension(DownloadFormat format) => format switch
    {
        DownloadFormat.Epub => "epub",
        DownloadFormat.Html => "html",
        DownloadFormat.Pdf => "pdf",
        _ => "txt",
    };

    public static string MediaType(DownloadFormat format) => format switch
    {
        DownloadFormat.Epub => "application/epub+zip",
        DownloadFormat.Html => "text/html; charset=utf-8",
        DownloadFormat.Pdf => "application/pdf",
        _ => "text/plain; charset=utf-8",
    };

    /// <summary>What the download link says: "EPUB", "HTML", "Text", "PDF".</summary>
    public static string Label(DownloadFormat format) => format switch
    {
        DownloadFormat.Epub => "EPUB",
        DownloadFormat.Html => "HTML",
        DownloadFormat.Pdf => "PDF",
        _ => "Text",
    };

    public static bool TryParseExtension(string? extension, out DownloadFormat format)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Extension(candidate), extension, StringComparison.Ordinal))
            {
                format = candidate;
                return true;
            }
        }
        format = default;
        return false;
    }
}
