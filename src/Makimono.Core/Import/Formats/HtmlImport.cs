using AngleSharp.Html.Parser;
using Makimono.Import.Html;
using Makimono.Import.Structure;

namespace Makimono.Import.Formats;

/// <summary>Generic HTML: the body's blocks through the same recogniser as plain text; &lt;title&gt; when no title line is found.</summary>
public static class HtmlImport
{
    // Nothing here reads where in the source an element was, and tracking it is a fifth of the parse.
    private static readonly HtmlParserOptions ParserOptions = new() { DisableElementPositionTracking = true };

    public static ImportedWork Read(string source, string html, string format = "html")
    {
        HtmlNesting.Check(html);
        var document = new HtmlParser(ParserOptions).ParseDocument(html);
        if (Ao3HtmlImport.IsAo3Download(document))
        {
            return Ao3HtmlImport.Read(source, document);
        }
        var lines = HtmlLines.From((AngleSharp.Dom.INode?)document.Body ?? document.DocumentElement);
        // Read before recognising, so the document is garbage by then and a collection need not trace it.
        var pageTitle = document.Title?.Trim();
        var lang = document.DocumentElement.GetAttribute("lang");
        var work = new ImportedWork { Source = source, Format = format };
        StructureRecogniser.Recognise(lines, work);
        if (!string.IsNullOrEmpty(pageTitle))
        {
            if (work.Title is null)
            {
                work.Title = pageTitle;
            }
            else
            {
                work.Markers.Add(pageTitle);
            }
        }
        if (lang is { Length: > 0 })
        {
            work.Language = lang;
        }
        return work;
    }

    /// <summary>The text a reader sees in the document: its title, then its lines.</summary>
    public static string VisibleText(string html)
    {
        HtmlNesting.Check(html);
        var document = new HtmlParser(ParserOptions).ParseDocument(html);
        var root = (AngleSharp.Dom.INode?)document.Body ?? document.DocumentElement;
        return (document.Title ?? string.Empty) + "\n" + HtmlLines.TextOf(root);
    }
}
