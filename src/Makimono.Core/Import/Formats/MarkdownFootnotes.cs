using System.Globalization;
using Makimono.Import.Structure;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Makimono.Import.Formats;

/// <summary>
/// Markdown footnotes ("[^id]" in the text, "[^id]: note" below), read by Markdig's footnote extension: each
/// reference becomes a numbered mark ("[1]", numbered in the order the text first refers to them, as Markdig and
/// readers number them), and each note goes, after its mark, to the end notes of the chapter that refers to it,
/// as a DOCX file's footnotes do.
/// </summary>
internal static class MarkdownFootnotes
{
    /// <summary>The footnotes taken out of the document, each reference in it replaced by the note's mark.</summary>
    public static List<(string Mark, string Text)> TakeOut(MarkdownDocument document)
    {
        var notes = new List<(string Mark, string Text)>();
        foreach (var group in document.Descendants<FootnoteGroup>().ToList())
        {
            foreach (var footnote in group.OfType<Footnote>().OrderBy(f => f.Order))
            {
                notes.Add((Mark(footnote), PlainText(footnote)));
            }
            group.Parent?.Remove(group);
        }
        foreach (var link in document.Descendants<FootnoteLink>().Where(l => !l.IsBackLink).ToList())
        {
            link.ReplaceBy(new LiteralInline(Mark(link.Footnote)));
        }
        return notes;
    }

    /// <summary>Each note to the end notes of the chapter whose text has its mark; a note referred to from no chapter stays with the work.</summary>
    public static void Place(List<(string Mark, string Text)> notes, ImportedWork work)
    {
        foreach (var (mark, text) in notes.Where(n => n.Text.Length > 0))
        {
            var note = $"{mark} {text}";
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
    }

    private static string Mark(Footnote footnote) => string.Create(CultureInfo.InvariantCulture, $"[{footnote.Order}]");

    /// <summary>The note's words, paragraph by paragraph; emphasis and the back-link Markdig adds are not text.</summary>
    private static string PlainText(Footnote footnote) =>
        string.Join("\n", footnote.Descendants<ParagraphBlock>().Select(p => string.Concat(
            p.Inline?.Descendants<Inline>().Select(i => i switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                LineBreakInline => " ",
                _ => string.Empty,
            }) ?? [])).Where(t => t.Trim().Length > 0).Select(t => t.Trim()));
}
