using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Makimono.Exports.Pdf;

/// <summary>The typefaces a PDF download is set in; each falls back to the next for characters it lacks.</summary>
public enum PdfTypeface
{
    Serif,
    Sans,
    Mono,
    /// <summary>Chinese and Japanese (Droid Sans Fallback), which the DejaVu fonts do not cover.</summary>
    Cjk,
    /// <summary>Korean (Nanum Myeongjo): Droid Sans Fallback has Hangul syllables only in a cmap PDFsharp does not read.</summary>
    Korean,
}

/// <summary>A PDF cannot be made because a font it needs is not installed; the message says which package to install.</summary>
public sealed class PdfFontsMissingException(string message) : InvalidOperationException(message);

/// <summary>
/// The font files PDF downloads embed, found among the system's fonts: DejaVu Serif for the text, DejaVu Sans for the
/// scripts the serif lacks (Arabic, Hebrew, Armenian, Georgian…), DejaVu Sans Mono for code, and, when they are
/// installed, Droid Sans Fallback for Chinese and Japanese and Nanum Myeongjo for Korean.
/// Debian: fonts-dejavu-core, fonts-dejavu-extra, fonts-droid-fallback, fonts-nanum.
/// </summary>
public sealed class PdfFonts
{
    /// <summary>Where Debian and most other systems keep fonts.</summary>
    public static readonly IReadOnlyList<string> SystemDirectories = ["/usr/share/fonts", "/usr/local/share/fonts"];

    public const string InstallHint = "apt-get install fonts-dejavu-core fonts-dejavu-extra fonts-droid-fallback fonts-nanum";

    private static readonly Dictionary<PdfTypeface, string[]> Files = new()
    {
        // Regular, bold, italic, bold italic.
        [PdfTypeface.Serif] = ["DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf"],
        [PdfTypeface.Sans] = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"],
        [PdfTypeface.Mono] = ["DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf", "DejaVuSansMono-Oblique.ttf", "DejaVuSansMono-BoldOblique.ttf"],
    };

    /// <summary>The optional faces, each with one style (PDFsharp slants and thickens it for italic and bold).</summary>
    private static readonly Dictionary<PdfTypeface, string> Optional = new()
    {
        [PdfTypeface.Cjk] = "DroidSansFallbackFull.ttf",
        [PdfTypeface.Korean] = "NanumMyeongjo.ttf",
    };

    private static readonly Lock Gate = new();
    private static PdfFonts? _installed;

    private readonly Dictionary<string, string> _paths;
    private readonly ConcurrentDictionary<string, byte[]> _bytes = new();
    private readonly ConcurrentDictionary<string, FontCoverage> _coverage = new();

    private PdfFonts(Dictionary<string, string> paths) => _paths = paths;

    /// <summary>The system's fonts, registered with PDFsharp; throws <see cref="PdfFontsMissingException"/> when one is missing.</summary>
    public static PdfFonts Installed
    {
        get
        {
            // Not a Lazy: that would keep the error of a start without fonts after they are installed.
            lock (Gate)
            {
                if (_installed is null)
                {
                    var fonts = Locate(SystemDirectories);
                    // PDFsharp asks one process-wide resolver for font files; it is set once, to the system's fonts.
                    GlobalFontSettings.FontResolver = new Resolver(fonts);
                    _installed = fonts;
                }
                return _installed;
            }
        }
    }

    /// <summary>Whether an optional face (<see cref="PdfTypeface.Cjk"/>, <see cref="PdfTypeface.Korean"/>) is installed.</summary>
    public bool Has(PdfTypeface typeface) => !Optional.TryGetValue(typeface, out var file) || _paths.ContainsKey(file);

    /// <summary>The font files under the directories; DejaVu must be there, the optional faces may be.</summary>
    public static PdfFonts Locate(IEnumerable<string> directories)
    {
        var wanted = Files.Values.SelectMany(f => f).Concat(Optional.Values).ToHashSet(StringComparer.Ordinal);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var directory in directories.Where(Directory.Exists))
        {
            foreach (var path in Directory.EnumerateFiles(directory, "*.ttf", SearchOption.AllDirectories))
            {
                var name = Path.GetFileName(path);
                if (wanted.Contains(name))
                {
                    paths.TryAdd(name, path);
                }
            }
        }
        var missing = Files.Values.SelectMany(f => f).Where(f => !paths.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            throw new PdfFontsMissingException(
                $"PDF downloads need the DejaVu fonts, and {string.Join(", ", missing)} were not found under {string.Join(" or ", directories)}. Install them: {InstallHint}");
        }
        return new PdfFonts(paths);
    }

    /// <summary>The family name PDFsharp is asked for.</summary>
    public static string FamilyName(PdfTypeface typeface) => "Makimono " + typeface;

    /// <summary>The typefaces to try for a character, best first: the asked one, then those covering more scripts.</summary>
    public IEnumerable<PdfTypeface> Chain(PdfTypeface typeface)
    {
        yield return typeface;
        if (typeface != PdfTypeface.Sans)
        {
            yield return PdfTypeface.Sans;
        }
        foreach (var optional in Optional.Keys.Where(Has))
        {
            yield return optional;
        }
    }

    public bool Covers(PdfTypeface typeface, bool bold, bool italic, int codePoint)
    {
        var file = FileOf(typeface, bold, italic);
        return _coverage.GetOrAdd(file, f => FontCoverage.Read(Bytes(f))).Covers(codePoint);
    }

    private string FileOf(PdfTypeface typeface, bool bold, bool italic) =>
        Optional.TryGetValue(typeface, out var file) ? file : Files[typeface][(bold ? 1 : 0) + (italic ? 2 : 0)];

    private byte[] Bytes(string file) => _bytes.GetOrAdd(file, f => File.ReadAllBytes(_paths[f]));

    private sealed class Resolver(PdfFonts fonts) : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
        {
            foreach (var typeface in Enum.GetValues<PdfTypeface>())
            {
                if (familyName == FamilyName(typeface))
                {
                    return Optional.TryGetValue(typeface, out var file)
                        ? new FontResolverInfo(file, bold, italic)
                        : new FontResolverInfo(fonts.FileOf(typeface, bold, italic));
                }
            }
            return null;
        }

        public byte[]? GetFont(string faceName) => fonts._paths.ContainsKey(faceName) ? fonts.Bytes(faceName) : null;
    }
}
