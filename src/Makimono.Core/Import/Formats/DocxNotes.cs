using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DocumentFormat.OpenXml;
using Makimono.Import.Structure;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Makimono.Import.Formats;

/// <summary>
/// Footnotes and endnotes, which Word keeps in parts of their own: the text keeps a mark where each is referenced
/// ("[1]" for a footnote, "[i]" for an endnote, as Word numbers them), and the notes go to the end notes of the
/// chapter that references them. Review comments are not the story: they are left out, and a warning says so.
/// </summary>
internal static class DocxNotes
{
    public static string FootnoteMark(long id) => string.Create(CultureInfo.InvariantCulture, $"[{id}]");

    public static string EndnoteMark(long id) => $"[{Roman(id)}]";

    public static void Add(MainDocumentPart main, ImportedWork work)
    {
        var notes = new List<(string Mark, string Text)>();
        if (main.FootnotesPart?.Footnotes is { } footnotes)
        {
            notes.AddRange(footnotes.Elements<Footnote>().Where(IsNote).Select(n => (FootnoteMark(n.Id!.Value), TextOf(n))));
        }
        if (main.EndnotesPart?.Endnotes is { } endnotes)
        {
            notes.AddRange(endnotes.Elements<Endnote>().Where(IsNote).Select(n => (EndnoteMark(n.Id!.Value), TextOf(n))));
        }
        foreach (var (mark, text) in notes.Where(n => n.Text.Length > 0))
        {
            var note = $"{mark} {text}";
            // A note whose mark went into a field other than the story (a summary, a note) stays with the work.
            var chapter = work.Chapters.FirstOrDefault(c => c.Text.Contains(mark, StringComparison.Ordinal));
            if (chapter is null)
            {
                work.EndNotes = FrontMatter.Join(work.EndNotes, note);
            }
            else
            {
                chapter.EndNotes = FrontMatter.Join(chapter.EndNotes, note);
            }
        }
        var comments = main.WordprocessingCommentsPart?.Comments?.Elements<Comment>().Select(TextOf).Where(t => t.Length > 0).ToList() ?? [];
        if (comments.Count > 0)
        {
            work.Markers.AddRange(comments);
            work.Warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"The document has {comments.Count} review comment{(comments.Count == 1 ? "" : "s")}, left out as not part of the story: {string.Join("; ", comments.Select(c => $"\u201C{Shorten(c)}\u201D"))}."));
        }
    }

    /// <summary>Word's separator and continuation notes (ids -1 and 0, or a type) draw the line above the notes; they hold no text.</summary>
    private static bool IsNote(FootnoteEndnoteType note) =>
        note.Id?.Value is > 0 && (note.Type is null || note.Type.Value == FootnoteEndnoteValues.Normal);

    private static string TextOf(OpenXmlElement note) =>
        string.Join("\n", note.Elements<W.Paragraph>().Select(p => p.InnerText.Trim()).Where(t => t.Length > 0));

    private static string Shorten(string text) => text.Length <= 80 ? text.Replace('\n', ' ') : text[..77].Replace('\n', ' ') + "…";

    private static string Roman(long n)
    {
        if (n is <= 0 or >= 4000)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }
        ReadOnlySpan<(int Value, string Letters)> numerals =
            [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")];
        var result = new System.Text.StringBuilder();
        foreach (var (value, letters) in numerals)
        {
            for (; n >= value; n -= value)
            {
                result.Append(letters);
            }
        }
        return result.ToString();
    }
}
