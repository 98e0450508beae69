using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Makimono.Import.Formats;

[Flags]
internal enum InlineFormat
{
    None = 0,
    Bold = 1,
    Italic = 2,
    Underline = 4,
}

/// <summary>
/// What a DOCX paragraph or run looks like once its styles are applied: heading level, centring, and bold,
/// italic and underline. Direct formatting wins over a character style, which wins over the paragraph style;
/// each style inherits from the one it is based on.
/// </summary>
internal sealed class DocxStyles
{
    /// <summary>Word allows long chains of based-on styles; a cycle or an absurd chain stops here.</summary>
    private const int MaxChain = 16;

    private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);

    public DocxStyles(Styles? styles)
    {
        foreach (var style in styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id)
            {
                _styles.TryAdd(id, style);
            }
        }
    }

    /// <summary>0 for the Title style, 1–9 for headings and outline levels, null for body text.</summary>
    public int? HeadingLevel(W.Paragraph paragraph)
    {
        if (paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is { } direct)
        {
            return direct < 9 ? direct + 1 : null;
        }
        foreach (var style in Chain(StyleId(paragraph)))
        {
            var name = (style.StyleName?.Val?.Value ?? style.StyleId?.Value ?? string.Empty).ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
            if (name == "title")
            {
                return 0;
            }
            if (name.StartsWith("heading", StringComparison.Ordinal) && int.TryParse(name.AsSpan("heading".Length), out var level) && level is >= 1 and <= 9)
            {
                return level;
            }
            if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } outline)
            {
                return outline < 9 ? outline + 1 : null;
            }
        }
        // A document without a styles part still names the built-in styles by id.
        return StyleId(paragraph) switch
        {
            "Title" => 0,
            ['H', 'e', 'a', 'd', 'i', 'n', 'g', var digit] when digit is >= '1' and <= '9' => digit - '0',
            _ => null,
        };
    }

    /// <summary>The paragraph's style name, lower case, as templates name front matter ("author", "abstract").</summary>
    public string? StyleName(W.Paragraph paragraph) =>
        Chain(StyleId(paragraph)).Select(s => s.StyleName?.Val?.Value).FirstOrDefault()?.ToLowerInvariant() ?? StyleId(paragraph)?.ToLowerInvariant();

    /// <summary>Paragraphs Word generates for a table of contents (styles "toc 1", "toc 2"…).</summary>
    public bool IsTableOfContents(W.Paragraph paragraph) =>
        Chain(StyleId(paragraph)).Take(1).Any(s => (s.StyleName?.Val?.Value ?? string.Empty).StartsWith("toc ", StringComparison.OrdinalIgnoreCase));

    public bool IsCentred(W.Paragraph paragraph)
    {
        var justification = paragraph.ParagraphProperties?.Justification?.Val
            ?? Chain(StyleId(paragraph)).Select(s => s.StyleParagraphProperties?.Justification?.Val).FirstOrDefault(j => j is not null);
        return justification is not null && justification.Value == JustificationValues.Center;
    }

    public InlineFormat FormatOf(W.Paragraph paragraph, Run run)
    {
        var format = InlineFormat.None;
        foreach (var style in Chain(StyleId(paragraph)).Reverse())
        {
            format = Apply(format, style.StyleRunProperties?.Bold, style.StyleRunProperties?.Italic, style.StyleRunProperties?.Underline);
        }
        foreach (var style in Chain(run.RunProperties?.RunStyle?.Val?.Value).Reverse())
        {
            format = Apply(format, style.StyleRunProperties?.Bold, style.StyleRunProperties?.Italic, style.StyleRunProperties?.Underline);
        }
        var direct = run.RunProperties;
        return direct is null ? format : Apply(format, direct.Bold, direct.Italic, direct.Underline);
    }

    private static InlineFormat Apply(InlineFormat format, Bold? bold, Italic? italic, Underline? underline)
    {
        format = Toggle(format, InlineFormat.Bold, bold is null ? null : bold.Val?.Value ?? true);
        format = Toggle(format, InlineFormat.Italic, italic is null ? null : italic.Val?.Value ?? true);
        return Toggle(format, InlineFormat.Underline, underline is null ? null : underline.Val is null || underline.Val.Value != UnderlineValues.None);
    }

    private static InlineFormat Toggle(InlineFormat format, InlineFormat flag, bool? on) =>
        on switch
        {
            true => format | flag,
            false => format & ~flag,
            null => format,
        };

    private static string? StyleId(W.Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    /// <summary>The style and those it is based on, nearest first.</summary>
    private IEnumerable<Style> Chain(string? id)
    {
        for (var i = 0; i < MaxChain && id is not null && _styles.TryGetValue(id, out var style); i++)
        {
            yield return style;
            id = style.BasedOn?.Val?.Value;
        }
    }
}
