using System.Globalization;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace Makimono.Exports;

/// <summary>A generated download: its bytes, and the validators it is served with.</summary>
public sealed record DownloadFile(byte[] Bytes, string ETag, DateTime LastModified, string FileName);

/// <summary>
/// Generates downloads on request and keeps the recent ones in memory, bounded by their total size. An entry is
/// keyed by the work's content fingerprint, so a change to the work (its text, its tags, a renamed pseud) makes a new
/// entry instead of serving a stale one, and the old one ages out.
/// </summary>
public sealed class DownloadCache : IDisposable
{
    /// <summary>About 40 EPUBs of a 200,000-word work.</summary>
    public const long DefaultSizeLimitBytes = 64L * 1024 * 1024;

    private readonly MemoryCache _cache;
    private readonly Func<Pdf.PdfFonts> _pdfFonts;

    /// <param name="pdfFonts">The fonts PDFs are set in: the system's (<see cref="Pdf.PdfFonts.Installed"/>) unless a test says otherwise.</param>
    public DownloadCache(long sizeLimitBytes = DefaultSizeLimitBytes, Func<Pdf.PdfFonts>? pdfFonts = null)
    {
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = sizeLimitBytes });
        _pdfFonts = pdfFonts ?? (() => Pdf.PdfFonts.Installed);
    }

    /// <summary>The entity tag of a work's download: its content fingerprint and the format, quoted.</summary>
    public static string ETagOf(ExportedWork work, string fingerprint, DownloadFormat format) =>
        $"\"{work.Id.ToString(CultureInfo.InvariantCulture)}-{DownloadUrls.Extension(format)}-{fingerprint}\"";

    public DownloadFile Get(ExportedWork work, string fingerprint, DownloadFormat format)
    {
        var etag = ETagOf(work, fingerprint, format);
        if (_cache.TryGetValue(etag, out DownloadFile? cached) && cached is not null)
        {
            return cached;
        }
        var bytes = format == DownloadFormat.Pdf ? Pdf.PdfWriter.Write(work, _pdfFonts()) : Generate(work, format);
        var file = new DownloadFile(bytes, etag, work.Modified, FileName(work, format));
        _cache.Set(etag, file, new MemoryCacheEntryOptions { Size = file.Bytes.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return file;
    }

    public static byte[] Generate(ExportedWork work, DownloadFormat format) => format switch
    {
        DownloadFormat.Epub => EpubWriter.Write(work),
        DownloadFormat.Html => HtmlWriter.Write(work),
        DownloadFormat.Pdf => Pdf.PdfWriter.Write(work),
        _ => PlainTextWriter.Write(work),
    };

    /// <summary>"Title - Creator.epub", without the characters file systems refuse, and of a length they accept.</summary>
    public static string FileName(ExportedWork work, DownloadFormat format)
    {
        var name = new StringBuilder();
        foreach (var c in Encodable($"{work.Title} - {work.Byline}").Normalize(NormalizationForm.FormC))
        {
            name.Append(char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? ' ' : c);
        }
        var safe = string.Join(' ', name.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        // 100 characters keep the name well inside every file system's 255 bytes, without splitting a character.
        var elements = StringInfo.GetTextElementEnumerator(safe);
        var shortened = new StringBuilder();
        while (elements.MoveNext() && shortened.Length + elements.GetTextElement().Length <= 100)
        {
            shortened.Append(elements.GetTextElement());
        }
        var stem = shortened.ToString().Trim('.', ' ');
        if (stem.Length == 0)
        {
            stem = $"work-{work.Id.ToString(CultureInfo.InvariantCulture)}";
        }
        return $"{stem}.{DownloadUrls.Extension(format)}";
    }

    /// <summary>
    /// The text without Unicode's noncharacters (U+FFFE, U+FDD0…), which normalization refuses and no file name
    /// needs, and with a lone surrogate as U+FFFD.
    /// </summary>
    private static string Encodable(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if ((rune.Value & 0xFFFE) != 0xFFFE && rune.Value is not (>= 0xFDD0 and <= 0xFDEF))
            {
                clean.Append(rune.ToString());
            }
        }
        return clean.ToString();
    }

    public void Dispose() => _cache.Dispose();
}
