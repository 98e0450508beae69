namespace Makimono.Import;

/// <summary>
/// Reads the paragraphs after a chapter's story, from the end back: requests for reviews, closing author's
/// notes and disclaimers. The last chapter's go to the work's end notes, the others' to the chapter's.
/// </summary>
internal static class EndMatter
{
    /// <summary>Returns how many paragraphs at the end were end matter.</summary>
    public static int Read(IReadOnlyList<Paragraph> paragraphs, ImportedWork work, ImportedChapter chapter, bool isLastChapter)
    {
        var taken = new List<string>();
        var count = 0;
        // The story itself is never all end matter: at least one paragraph stays.
        for (var i = paragraphs.Count - 1; i >= 1; i--)
        {
            var p = paragraphs[i];
            if (p.IsRule)
            {
                break;
            }
            var label = StructureRules.Label(p.Lines[0].Text);
            var labelName = label.Success ? label.Groups["label"].Value.ToLowerInvariant() : null;
            if (labelName == "disclaimer")
            {
                work.Markers.Add(p.Lines[0].Text[..label.Groups["rest"].Index]);
                work.Disclaimer = FrontMatter.Join(work.Disclaimer, RestOf(p, label));
            }
            else if (labelName is "a/n" or "an" or "author's note" or "authors note" or "author's notes" or "notes" or "note")
            {
                work.Markers.Add(p.Lines[0].Text[..label.Groups["rest"].Index]);
                taken.Insert(0, RestOf(p, label));
            }
            else if (StructureRules.IsReviewPlea(p) || StructureRules.IsChattyNote(p))
            {
                taken.Insert(0, p.Text);
            }
            else
            {
                break;
            }
            count++;
        }
        if (taken.Count > 0)
        {
            var text = string.Join("\n\n", taken);
            if (isLastChapter)
            {
                work.EndNotes = FrontMatter.Join(work.EndNotes, text);
            }
            else
            {
                chapter.EndNotes = FrontMatter.Join(chapter.EndNotes, text);
            }
        }
        return count;
    }

    private static string RestOf(Paragraph p, System.Text.RegularExpressions.Match label) =>
        string.Join("\n", new[] { label.Groups["rest"].Value.Trim() }.Concat(p.Lines.Skip(1).Select(l => l.Text.Trim()))).Trim();
}
