using System.Net;
using AngleSharp.Html.Parser;
using Makimono.Import.Formats;
using Makimono.Import.Html;
using Makimono.Import.Structure;
using Makimono.Import;

namespace Makimono.Tests.Import.Html;

/// <summary>
/// The two ways HTML reaches <see cref="HtmlLines"/>: AngleSharp's DOM, and <see cref="FastHtml"/>'s tree, with
/// what each gives (the lines, Document.Title and &lt;html lang&gt;) for the tests to compare.
/// </summary>
public static class FastHtmlPaths
{
    public sealed record Reading(IReadOnlyList<SourceLine> Lines, string Title, string? Language)
    {
        public bool SameAs(Reading other) =>
            Lines.SequenceEqual(other.Lines) && Title == other.Title && Language == other.Language;

        public override string ToString() =>
            $"title [{Title}] lang [{Language}]\n" + string.Join("\n", Lines.Select(l => $"{l.Text} | {l.Html} | rule {l.IsRule} heading {l.IsHeading} centred {l.IsCentred}"));
    }

    /// <summary>What the AngleSharp path reads, or null when it refuses the HTML (too deep) or reads it as an AO3 download.</summary>
    public static Reading? ViaAngleSharp(string html)
    {
        var document = new HtmlParser(new HtmlParserOptions { DisableElementPositionTracking = true }).ParseDocument(html);
        if (Ao3HtmlImport.IsAo3Download(document))
        {
            return null;
        }
        try
        {
            var lines = HtmlLines.From((AngleSharp.Dom.INode?)document.Body ?? document.DocumentElement);
            return new Reading(lines, document.Title ?? string.Empty, document.DocumentElement.GetAttribute("lang"));
        }
        catch (ImportException)
        {
            return null;
        }
    }

    /// <summary>What the fast path reads, or null when it declines.</summary>
    public static Reading? ViaFastPath(string html, out string? declined)
    {
        if (!FastHtml.TryParse(html, out var document, out declined))
        {
            return null;
        }
        return new Reading(document!.Lines, document.Title, document.Language);
    }

    /// <summary>Fails unless the fast path declines or reads exactly what AngleSharp reads; true when it answered.</summary>
    public static bool AssertSameOrDeclined(string html)
    {
        var fast = ViaFastPath(html, out _);
        if (fast is null)
        {
            return false;
        }
        var slow = ViaAngleSharp(html);
        Assert.True(slow is not null, $"The fast path read HTML that AngleSharp refuses or reads as AO3's:\n{html}");
        Assert.True(fast.SameAs(slow), $"The fast path differs from AngleSharp for:\n{html}\n--- AngleSharp:\n{slow}\n--- fast:\n{fast}");
        return true;
    }

    /// <summary>A text file as a person might save it as HTML: a paragraph per line, or one paragraph with &lt;br&gt;s.</summary>
    public static string FromText(string text, bool breaks)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => WebUtility.HtmlEncode(l));
        var body = breaks ? "<p>" + string.Join("<br>\n", lines) + "</p>" : string.Concat(lines.Select(l => $"<p>{l}</p>\n"));
        return $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>From text</title></head>\n<body>\n{body}</body>\n</html>\n";
    }
}
