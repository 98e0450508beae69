using System.Text.RegularExpressions;

namespace Makimono.Import.Structure;

/// <summary>
/// Puts the lines of a text or HTML file into a work's fields: front matter (title, byline, notes, summary,
/// disclaimer, content notes, rating, pairings), chapters split at their headings (numbered lines, or lines a
/// format marks as headings), scene breaks, and end notes.
/// Every non-blank line ends up in exactly one field, or in <see cref="ImportedWork.Markers"/> when it is
/// structure (a marker, a label, a scene-break line) or was read into a tag.
/// </summary>
public static class StructureRecogniser
{
    public static void Recognise(IReadOnlyList<SourceLine> lines, ImportedWork work)
    {
        var withoutMarkers = lines.Select(line =>
        {
            if (!line.IsRule && !line.IsHeading && StructureRules.IsAo3Marker(line.Text))
            {
                work.Markers.Add(line.Text.Trim());
                return SourceLine.Blank;
            }
            return line;
        });
        var paragraphs = Paragraph.Split(withoutMarkers);
        var chapters = SplitChapters(paragraphs, work);

        var first = chapters[0];
        if (first.Heading is null)
        {
            var front = new FrontMatter(work, work.Chapters.Count == 0 ? null : work.Chapters[0], isWorkStart: true);
            first.Body = first.Body.Skip(front.Read(first.Body, allowTitle: true, storyFollows: chapters.Count > 1)).ToList();
        }
        // Front matter ruled off from the first chapter leaves only the rule, which is no chapter.
        if (first.Heading is null && first.Body.All(p => p.IsRule))
        {
            chapters.RemoveAt(0);
        }
        for (var i = 0; i < chapters.Count; i++)
        {
            var chapter = chapters[i];
            var imported = new ImportedChapter { Title = chapter.Title };
            if (chapter.Heading is not null)
            {
                var front = new FrontMatter(work, imported, isWorkStart: false);
                chapter.Body = chapter.Body.Skip(front.Read(chapter.Body, allowTitle: false, storyFollows: false)).ToList();
            }
            var isLast = i == chapters.Count - 1;
            var endCount = EndMatter.Read(chapter.Body, work, imported, isLast);
            chapter.Body = chapter.Body.Take(chapter.Body.Count - endCount).ToList();
            ChapterBody.Render(chapter.Body, imported, work.Markers);
            work.Chapters.Add(imported);
        }
        if (work.Chapters.Count == 0)
        {
            work.Chapters.Add(new ImportedChapter());
        }
    }

    private sealed class ChapterPart(string? heading, string? title, List<Paragraph> body)
    {
        public string? Heading { get; } = heading;
        public string? Title { get; } = title;
        public List<Paragraph> Body { get; set; } = body;
    }

    private static List<ChapterPart> SplitChapters(List<Paragraph> paragraphs, ImportedWork work)
    {
        var parts = new List<ChapterPart> { new(null, null, []) };
        foreach (var p in paragraphs)
        {
            if (p.IsHeading)
            {
                var numbered = StructureRules.ChapterHeading(p.Text);
                var title = numbered.Success ? ChapterTitle(numbered, work) : p.Text.Trim();
                parts.Add(new ChapterPart(p.Text, title is { Length: > 0 } ? title : null, []));
            }
            else if (p.IsSingleLine && !p.IsRule && StructureRules.ChapterHeading(p.Text) is { Success: true } m)
            {
                parts.Add(new ChapterPart(p.Text, ChapterTitle(m, work), []));
            }
            else if (StructureRules.ChapterHeadingAbove(p) is { Success: true } above)
            {
                var below = p.Lines[1].Text.Trim();
                var title = ChapterTitle(above, work);
                parts.Add(new ChapterPart(p.Text, title is null ? below : $"{title}: {below}", []));
            }
            else
            {
                parts[^1].Body.Add(p);
            }
        }
        return MergeEmptyHeadings(parts);
    }

    /// <summary>
    /// A heading with nothing under it before the next heading ("Part One" over "Chapter 1") is not a chapter of
    /// its own: its title leads the next one's, so no chapter comes out empty.
    /// </summary>
    private static List<ChapterPart> MergeEmptyHeadings(List<ChapterPart> parts)
    {
        for (var i = parts.Count - 2; i >= 1; i--)
        {
            if (parts[i].Body.Count == 0 && parts[i + 1].Heading is not null)
            {
                var (outer, inner) = (parts[i].Title, parts[i + 1].Title);
                var title = outer is null ? inner : inner is null ? outer : $"{outer}: {inner}";
                parts[i + 1] = new ChapterPart(parts[i + 1].Heading, title, parts[i + 1].Body);
                parts.RemoveAt(i);
            }
        }
        return parts;
    }

    /// <summary>"Chapter 3: The Storm" has the title "The Storm"; "Prologue" keeps its name; the number is a marker.</summary>
    private static string? ChapterTitle(Match m, ImportedWork work)
    {
        var title = m.Groups["title"].Success ? m.Groups["title"].Value.Trim() : null;
        if (m.Groups["named"].Success)
        {
            var named = m.Groups["named"].Value;
            return title is null ? named : $"{named}: {title}";
        }
        var full = m.Value;
        work.Markers.Add(title is null ? full : full[..m.Groups["title"].Index]);
        return title;
    }
}
