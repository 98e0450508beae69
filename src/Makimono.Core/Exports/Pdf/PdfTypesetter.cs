using System.Globalization;
using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Makimono.Exports.Pdf;

/// <summary>How a run of blocks is set: size, face, indent, spacing.</summary>
internal sealed record PdfFormat(double Size, PdfStyle Style = PdfStyle.None, PdfTypeface Typeface = PdfTypeface.Serif,
    double Indent = 0, PdfAlign Align = PdfAlign.Left, double SpaceAfter = 0, bool KeepWithNext = false);

/// <summary>
/// Sets text on A4 pages: lines broken to the measure, a new page when the next line does not fit, page numbers at
/// the foot. Each character is set in the first face of <see cref="PdfFonts.Chain"/> that has it.
/// </summary>
internal sealed class PdfTypesetter : IDisposable
{
    public const double Margin = 72;
    private const double LineSpacing = 1.45;
    public const double IndentStep = 24;
    public const double BodySize = 11;

    private readonly PdfDocument _document;
    private readonly PdfFonts _fonts;
    private readonly Dictionary<(PdfTypeface, PdfStyle, double), XFont> _xfonts = [];
    private readonly Dictionary<(XFont, string), double> _widths = [];
    private readonly XPdfFontOptions _fontOptions = new(PdfFontEncoding.Unicode);
    private XGraphics? _graphics;
    private double _y;

    public PdfTypesetter(PdfDocument document, PdfFonts fonts)
    {
        _document = document;
        _fonts = fonts;
    }

    public PdfPage Page { get; private set; } = null!;

    private XGraphics Graphics => _graphics ?? throw new InvalidOperationException("No page yet.");

    private double Width => Page.Width.Point - (2 * Margin);

    private double Bottom => Page.Height.Point - Margin;

    private bool AtTop => _y <= Margin;

    public void NewPage()
    {
        _graphics?.Dispose();
        Page = _document.AddPage();
        Page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(Page);
        _y = Margin;
        var number = _document.PageCount;
        if (number > 1)
        {
            var label = number.ToString(CultureInfo.InvariantCulture);
            var font = Font(PdfTypeface.Serif, PdfStyle.None, 9);
            Graphics.DrawString(label, font, XBrushes.DimGray, (Page.Width.Point - Measure(label, font)) / 2, Page.Height.Point - (Margin / 2));
        }
    }

    public void Space(double points)
    {
        if (!AtTop)
        {
            _y += points;
        }
    }

    /// <summary>A scene break: a short centred rule.</summary>
    public void Rule(double indent)
    {
        Fit(24);
        Space(10);
        var middle = Margin + indent + ((Width - indent) / 2);
        Graphics.DrawLine(new XPen(XColors.Gray, 0.75), middle - 40, _y, middle + 40, _y);
        _y += 14;
    }

    /// <summary>Starts a new page unless the height fits below the text already set.</summary>
    public void Fit(double height)
    {
        if (!AtTop && _y + height > Bottom)
        {
            NewPage();
        }
    }

    public void Text(IReadOnlyList<PdfSpan> spans, PdfFormat format, string? marker = null, bool keepSpaces = false)
    {
        var lineHeight = format.Size * LineSpacing;
        var available = Width - format.Indent;
        var lines = PdfLineBreaker.Lines(PdfLineBreaker.Clusters(spans, keepSpaces), available, (text, style) => Measure(text, format, style));
        // No lone first line at the foot of a page, and a heading stays with three lines of the text after it.
        Fit(lineHeight * Math.Min(lines.Count, 2) + (format.KeepWithNext ? 3 * BodySize * LineSpacing : 0));
        for (var i = 0; i < lines.Count; i++)
        {
            Fit(lineHeight);
            var baseline = _y + (format.Size * 1.1);
            var x = Margin + format.Indent + format.Align switch
            {
                PdfAlign.Center => (available - lines[i].Width) / 2,
                PdfAlign.Right => available - lines[i].Width,
                _ => 0,
            };
            if (i == 0 && marker is not null)
            {
                var markerFont = Font(format.Typeface, format.Style, format.Size);
                Graphics.DrawString(marker, markerFont, XBrushes.Black, x - Measure(marker, markerFont) - 6, baseline);
            }
            DrawLine(lines[i], format, x, baseline);
            _y += lineHeight;
        }
        _y += format.SpaceAfter;
    }

    private void DrawLine(PdfLine line, PdfFormat format, double x, double baseline)
    {
        // One link area over the words of a link on this line, spaces between them included.
        (string Url, double Left, double Right)? link = null;
        void EndLink()
        {
            if (link is { } done)
            {
                var area = Graphics.Transformer.WorldToDefaultPage(new XRect(done.Left, baseline - format.Size, done.Right - done.Left, format.Size * 1.3));
                Page.AddWebLink(new PdfRectangle(area), done.Url);
                link = null;
            }
        }
        foreach (var cluster in line.Clusters)
        {
            var spaced = false;
            if (cluster.SpaceBefore is { } spaceStyle)
            {
                x += Measure(" ", format, spaceStyle);
                spaced = true;
            }
            foreach (var word in cluster.Words)
            {
                if (link is { } open && open.Url != word.Link)
                {
                    EndLink();
                }
                foreach (var (text, font) in Runs(word.Text, format, word.Style))
                {
                    var width = Measure(text, font);
                    var brush = word.Link is null ? XBrushes.Black : XBrushes.DarkBlue;
                    // The space before a word is drawn too, so that a reader copying the text finds the words apart;
                    // apart from an underlined or struck word, whose line would run under it.
                    if (spaced && (font.Underline || font.Strikeout))
                    {
                        var plain = Font(format.Typeface, format.Style, format.Size);
                        Graphics.DrawString(" ", plain, brush, x - Measure(" ", plain), baseline);
                    }
                    var (drawn, drawX) = spaced && !font.Underline && !font.Strikeout ? (" " + text, x - Measure(" ", font)) : (text, x);
                    spaced = false;
                    // sup and sub stay on the baseline, smaller: raised, readers (PdfPig) take them for a line of their own.
                    Graphics.DrawString(drawn, font, brush, drawX, baseline);
                    if (word.Link is not null)
                    {
                        link = link is { } current ? current with { Right = x + width } : (word.Link, x, x + width);
                    }
                    x += width;
                }
            }
        }
        EndLink();
    }

    private double Measure(string text, PdfFormat format, PdfStyle style) =>
        Runs(text, format, style).Sum(r => Measure(r.Text, r.Font));

    private double Measure(string text, XFont font)
    {
        if (!_widths.TryGetValue((font, text), out var width))
        {
            width = Graphics.MeasureString(text, font).Width;
            _widths[(font, text)] = width;
        }
        return width;
    }

    /// <summary>The text in pieces, each in the first face of the chain that has all its characters.</summary>
    private List<(string Text, XFont Font)> Runs(string text, PdfFormat format, PdfStyle spanStyle)
    {
        var style = format.Style | spanStyle;
        var first = (style & PdfStyle.Mono) != 0 ? PdfTypeface.Mono : format.Typeface;
        var size = (style & PdfStyle.Small) != 0 ? format.Size * 0.8 : format.Size;
        var bold = (style & PdfStyle.Bold) != 0;
        var italic = (style & PdfStyle.Italic) != 0;
        var runs = new List<(string, XFont)>(1);
        var piece = new StringBuilder();
        PdfTypeface? current = null;
        foreach (var rune in text.EnumerateRunes())
        {
            var typeface = current;
            var category = Rune.GetUnicodeCategory(rune);
            // Combining marks, joiners and selectors stay in the face of the character they belong to.
            if (current is null || category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format))
            {
                typeface = _fonts.Chain(first).FirstOrDefault(t => _fonts.Covers(t, bold, italic, rune.Value), first);
            }
            if (typeface != current && piece.Length > 0)
            {
                runs.Add((piece.ToString(), Font(current!.Value, style, size)));
                piece.Clear();
            }
            current = typeface;
            piece.Append(rune.ToString());
        }
        if (piece.Length > 0)
        {
            runs.Add((piece.ToString(), Font(current!.Value, style, size)));
        }
        return runs;
    }

    private XFont Font(PdfTypeface typeface, PdfStyle style, double size)
    {
        var key = (typeface, style & ~PdfStyle.Small & ~PdfStyle.Mono, size);
        if (!_xfonts.TryGetValue(key, out var font))
        {
            var flags = XFontStyleEx.Regular;
            flags |= (style & PdfStyle.Bold) != 0 ? XFontStyleEx.Bold : 0;
            flags |= (style & PdfStyle.Italic) != 0 ? XFontStyleEx.Italic : 0;
            flags |= (style & PdfStyle.Underline) != 0 ? XFontStyleEx.Underline : 0;
            flags |= (style & PdfStyle.Strike) != 0 ? XFontStyleEx.Strikeout : 0;
            font = new XFont(PdfFonts.FamilyName(typeface), size, flags, _fontOptions);
            _xfonts[key] = font;
        }
        return font;
    }

    public void Dispose() => _graphics?.Dispose();
}
