using System.Text.RegularExpressions;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Makimono.Tests.Import.Formats;

/// <summary>
/// Writes a small Word document with the OpenXml SDK, as Word would: Title and Heading styles in a styles part,
/// paragraphs of runs. In paragraph text, *word* is italic, **word** bold, _word_ underlined, and \n a line break.
/// <see cref="Text"/> is what a reader of the document sees, for the nothing-lost check.
/// </summary>
internal sealed partial class DocxBuilder
{
    private readonly List<Paragraph> _paragraphs = [];
    private readonly List<Action<MainDocumentPart>> _parts = [];
    private readonly StringBuilder _text = new();

    public string Text => _text.ToString();

    public DocxBuilder Title(string text) => Styled(text, "Title");

    public DocxBuilder Heading(string text, int level = 1) => Styled(text, $"Heading{level}");

    /// <summary>A paragraph in the Author or Abstract style, as pandoc and some templates write the byline and summary.</summary>
    public DocxBuilder Author(string text) => Styled(text, "Author");

    public DocxBuilder Abstract(string text) => Styled(text, "Abstract");

    /// <summary>A heading made by direct formatting (outline level), as LibreOffice and some templates do.</summary>
    public DocxBuilder OutlineHeading(string text, int level)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new OutlineLevel { Val = level - 1 }), new Run(new W.Text(text)));
        return Add(paragraph, text);
    }

    public DocxBuilder Paragraph(string markup) => Add(new Paragraph(Runs(markup)), Plain(markup));

    public DocxBuilder Centred(string markup) =>
        Add(new Paragraph([new ParagraphProperties(new Justification { Val = JustificationValues.Center }), .. Runs(markup)]), Plain(markup));

    public DocxBuilder Empty() => Add(new Paragraph(), string.Empty);

    /// <summary>A paragraph made by the caller (with a footnote reference, a text box…) and the text a reader sees in it.</summary>
    public DocxBuilder Element(Paragraph paragraph, string text) => Add(paragraph, text);

    /// <summary>A part of the document beside the body (footnotes, endnotes, comments), added as Word adds it.</summary>
    public DocxBuilder Part(Action<MainDocumentPart> add)
    {
        _parts.Add(add);
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(_paragraphs.Select(p => (Paragraph)p.CloneNode(true))));
            foreach (var add in _parts)
            {
                add(main);
            }
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new Languages { Val = "en-GB" }))),
                ParagraphStyle("Normal", "Normal", null),
                ParagraphStyle("Title", "Title", "Normal"),
                ParagraphStyle("Heading1", "heading 1", "Normal"),
                ParagraphStyle("Heading2", "heading 2", "Normal"),
                ParagraphStyle("Author", "Author", "Normal"),
                ParagraphStyle("Abstract", "Abstract", "Normal"));
        }
        return stream.ToArray();
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }
        return style;
    }

    private DocxBuilder Styled(string text, string styleId) =>
        Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), new Run(new W.Text(text))), text);

    private DocxBuilder Add(Paragraph paragraph, string text)
    {
        _paragraphs.Add(paragraph);
        _text.Append(text).Append("\n\n");
        return this;
    }

    private static string Plain(string markup) => Markup().Replace(markup, m => m.Groups["text"].Value);

    private static List<OpenXmlElement> Runs(string markup)
    {
        var runs = new List<OpenXmlElement>();
        var at = 0;
        foreach (Match m in Markup().Matches(markup))
        {
            AddPlain(runs, markup[at..m.Index]);
            var properties = new RunProperties();
            switch (m.Groups["mark"].Value)
            {
                case "**":
                    properties.Append(new Bold());
                    break;
                case "*":
                    properties.Append(new Italic());
                    break;
                default:
                    properties.Append(new Underline { Val = UnderlineValues.Single });
                    break;
            }
            runs.Add(new Run(properties, new W.Text(m.Groups["text"].Value) { Space = SpaceProcessingModeValues.Preserve }));
            at = m.Index + m.Length;
        }
        AddPlain(runs, markup[at..]);
        return runs;
    }

    private static void AddPlain(List<OpenXmlElement> runs, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                runs.Add(new Run(new Break()));
            }
            if (lines[i].Length > 0)
            {
                runs.Add(new Run(new W.Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve }));
            }
        }
    }

    [GeneratedRegex(@"(?<mark>\*\*|\*|_)(?<text>[^*_]+)\k<mark>")]
    private static partial Regex Markup();
}
