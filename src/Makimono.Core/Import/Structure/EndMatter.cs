namespace Makimono.Import.Structure;

/// <summary>
/// Reads the paragraphs after a chapter's story, from the end back: requests for reviews, closing author's
/// notes and disclaimers, and "The End" or "To be continued" lines, which are structure and go to the markers. The last chapter's go to the work's end notes, the others' to the chapter's.
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
            if (StructureRules.IsEndMarker(p))
            {
                work.Markers.Add(p.Text);
                count++;
                continue;
            }
            var label = StructureRules.Label(p.Lines[0].Text);
            var labelName = label.Success ? FrontMatter.LabelName(label) : null;
            if (labelName == "disclaimer")
            {
                work.Markers.Add(p.Lines[0].Text[..label.Groups["rest"].Index]);
                work.Disclaimer = FrontMatter.Join(work.Disclaimer, RestOf(p, label));
            }
            else if (labelName is not null && FrontMatter.IsNotesLabel(labelName))
            {
                work.Markers.Add(p.Lines[0].Text[..label.Groups["rest"].Index]);
                if (RestOf(p, label) is { Length: > 0 } rest)
                {
                    taken.Insert(0, rest);
                }
            }
            else if (StructureRules.IsReviewPlea(p) || StructureRules.IsChattyNote(p))
            {
                taken.Insert(0, p.Text);
            }
            else if (i >= 2 && FrontMatter.IsLabelAlone(paragraphs[i - 1])
                && FrontMatter.LabelName(StructureRules.Label(paragraphs[i - 1].Text)) is var above && FrontMatter.IsNotesLabel(above))
            {
                // AO3's text copies end with "Notes:" on a line of its own, above the notes.
                work.Markers.Add(paragraphs[i - 1].Text);
                taken.Insert(0, p.Text);
                count++;
                i--;
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
