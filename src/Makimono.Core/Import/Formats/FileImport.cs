using System.Globalization;
using System.Text;
using Makimono.Tags.Suggestions;

namespace Makimono.Import.Formats;

public sealed class ImportOptions
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    public long MaxBytes { get; init; } = DefaultMaxBytes;
}

/// <summary>
/// One file to an <see cref="ImportedWork"/>: refuses what is not a story (empty, too big, binary,
/// NUL bytes) with a message that says what to do, picks the reader by extension or by sniffing the content
/// (a zip is a DOCX or an EPUB by what it holds), then adds suggestions.
/// </summary>
public static class FileImport
{
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".text", "" };
    private static readonly HashSet<string> HtmlExtensions = new(StringComparer.OrdinalIgnoreCase) { ".html", ".htm", ".xhtml" };
    private static readonly HashSet<string> MarkdownExtensions = new(StringComparer.OrdinalIgnoreCase) { ".md", ".markdown" };
    /// <summary>Magic numbers of files people might point the importer at by mistake.</summary>
    private static readonly (byte[] Magic, string What)[] BinaryKinds =
    [
        ("%PDF"u8.ToArray(), "a PDF"),
        ([0x89, (byte)'P', (byte)'N', (byte)'G'], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an old Word (.doc) file"),
        ("\u007FELF"u8.ToArray(), "a program"),
        ("MZ"u8.ToArray(), "a Windows program"),
    ];

    public static async Task<ImportedWork> ReadAsync(string path, string source, ImportOptions options, CancellationToken ct = default)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ImportException("No such file. Check the path.");
        }
        if (info.Length > options.MaxBytes)
        {
            throw new ImportException(TooLarge(info.Length, options) + " Split it into smaller files, or raise the limit with --max-size.");
        }
        var bytes = await File.ReadAllBytesAsync(path, ct);
        return Read(source, Path.GetExtension(path), bytes, options);
    }

    /// <summary>Both sizes in MB, with as many decimals as it takes to show the file is the larger (10.02 against 10).</summary>
    private static string TooLarge(long length, ImportOptions options)
    {
        double fileMb = length / 1048576.0, limitMb = options.MaxBytes / 1048576.0;
        var fileFormat = fileMb - limitMb < 0.05 ? "0.###" : "0.#";
        return string.Format(CultureInfo.InvariantCulture, "The file is {0} MB; the limit is {1} MB.",
            fileMb.ToString(fileFormat, CultureInfo.InvariantCulture), limitMb.ToString("0.#", CultureInfo.InvariantCulture));
    }

    public static ImportedWork Read(string source, string extension, byte[] bytes, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        // Checked here too, so that no caller can hand the readers more than the limit their bounds are made for.
        if (bytes.Length > options.MaxBytes)
        {
            throw new ImportException(TooLarge(bytes.Length, options) + " Split the story into smaller files and import each.");
        }
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            throw new ImportException("The file is empty. Check that you saved the story into it.");
        }
        if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return Finish(ZipImport.Read(source, extension, bytes, options.MaxBytes));
        }
        foreach (var (magic, what) in BinaryKinds)
        {
            if (bytes.AsSpan().StartsWith(magic))
            {
                // Word can save an old .doc again as .docx, which keeps headings, italics and notes; .txt loses them.
                var saveAs = what.Contains(".doc", StringComparison.Ordinal) ? ".docx (in Word: Save As, Word Document)" : ".txt or .html";
                throw new ImportException($"This is {what}, not a format the importer reads. Save the story as {saveAs} and import that.");
            }
        }
        if (ZipImport.Extensions.Contains(extension))
        {
            throw new ImportException($"This {extension} file is not a zip archive, as every {extension} is; it may have been renamed. Open it in the program that made it and save it as {extension} again.");
        }
        var decoded = TextDecoding.Decode(bytes);
        if (LooksBinary(decoded.Text))
        {
            throw new ImportException("The file has the control characters of a binary file, not text. Save the story as .txt or .html and import that.");
        }
        var isHtml = HtmlExtensions.Contains(extension)
            || (!TextExtensions.Contains(extension) && LooksLikeHtml(decoded.Text));
        var work = isHtml ? HtmlImport.Read(source, decoded.Text)
            : MarkdownExtensions.Contains(extension) ? MarkdownImport.Read(source, decoded.Text)
            : TextImport.Read(source, decoded.Text);
        work.Encoding = decoded.Encoding;
        work.EncodingGuessed = decoded.Guessed;
        return Finish(work);
    }

    private static ImportedWork Finish(ImportedWork work)
    {
        if (work.Chapters.All(c => c.Text.Length == 0))
        {
            throw new ImportException("No story text was found in the file; only front matter. Check that it is the whole story.");
        }
        SuggestTags.Suggest(work);
        return work;
    }

    private static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (start.StartsWith("<", StringComparison.Ordinal) && text.Contains("</p>", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Text has tabs, newlines and form feeds; more than a few other control characters means a binary file.</summary>
    private static bool LooksBinary(string text)
    {
        var controls = 0;
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, 65536)))
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                controls++;
            }
        }
        return controls > 0 && controls * 100 > Math.Min(text.Length, 65536);
    }

    /// <summary>The files under the given paths, folders searched recursively, in a stable order.</summary>
    public static IEnumerable<(string Path, string Source)> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal))
                {
                    yield return (file, file);
                }
            }
            else
            {
                yield return (path, path);
            }
        }
    }

    /// <summary>A file's title when it has none of its own: its name, with dashes and underscores as spaces.</summary>
    public static string TitleFromFileName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path).Replace('_', ' ').Replace('-', ' ').Trim();
        return name.Length == 0 ? "Untitled" : new StringBuilder(name).Replace("  ", " ").ToString();
    }
}
