using System.Text.RegularExpressions;

namespace Makimono.Import.Structure;

/// <summary>
/// What a book carries around its story: a Project Gutenberg header (before "*** START OF THE PROJECT GUTENBERG
/// EBOOK … ***", whose Title and Author lines name the work) goes to the notes and its licence (from "*** END OF …")
/// to the end notes; and a table of contents, a run of short lines that repeat later chapter headings (with dot
/// leaders or page numbers, under a "Contents" line), is set aside, so it neither becomes story nor one long
/// chapter title.
/// </summary>
internal static partial class BookMatter
{
    /// <summary>Fewer entries than this are not a table of contents but a few headings in a row.</summary>
    private const int MinimumEntries = 3;

    /// <summary>How many non-blank lines from the start a table of contents may begin within.</summary>
    private const int ContentsWithin = 400;

    /// <summary>Longer than any heading or contents entry.</summary>
    private const int MaxEntryLength = 160;

    /// <summary>How many lines from the start Project Gutenberg's "*** START OF" line may be.</summary>
    private const int GutenbergHeaderWithin = 400;

    public static List<SourceLine> SetAside(IReadOnlyList<SourceLine> input, ImportedWork work)
    {
        var lines = input.ToList();
        SetAsideGutenberg(lines, work);
        SetAsideContents(lines, work);
        return lines;
    }

    private static void SetAsideGutenberg(List<SourceLine> lines, ImportedWork work)
    {
        // The header is a few dozen lines: a story that does not open with one has no licence to look for either.
        var start = lines.FindIndex(0, Math.Min(lines.Count, GutenbergHeaderWithin), l => GutenbergStart().IsMatch(l.Text));
        if (start < 0)
        {
            return;
        }
        var end = lines.FindIndex(start, l => GutenbergEnd().IsMatch(l.Text));
        if (end >= 0)
        {
            work.EndNotes = FrontMatter.Join(work.EndNotes, TextOf(lines.Skip(end)));
            lines.RemoveRange(end, lines.Count - end);
        }
        var header = new List<string>();
        foreach (var line in lines.Take(start + 1).Where(l => l.Text.Trim().Length > 0))
        {
            var m = HeaderField().Match(line.Text.Trim());
            if (m.Success && m.Groups["label"].Value.Equals("Title", StringComparison.OrdinalIgnoreCase) && work.Title is null)
            {
                work.Markers.Add(m.Groups["label"].Value);
                work.Title = m.Groups["value"].Value.Trim();
            }
            else if (m.Success && m.Groups["label"].Value.Equals("Author", StringComparison.OrdinalIgnoreCase))
            {
                work.Markers.Add(m.Groups["label"].Value);
                work.Creators.Add(m.Groups["value"].Value.Trim());
            }
            else
            {
                header.Add(line.Text.Trim());
            }
        }
        work.Notes = FrontMatter.Join(work.Notes, string.Join("\n", header));
        lines.RemoveRange(0, start + 1);
    }

    private static string TextOf(IEnumerable<SourceLine> lines) =>
        string.Join("\n", lines.Select(l => l.Text.Trim()).Where(t => t.Length > 0));

    private static void SetAsideContents(List<SourceLine> lines, ImportedWork work)
    {
        var entries = lines.Select((l, i) => (Line: l, Index: i)).Where(x => !x.Line.IsRule && !string.IsNullOrWhiteSpace(x.Line.Text)).ToList();
        // Where each heading last appears: an entry repeats a heading that comes after the whole run.
        var headings = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, index) in entries)
        {
            // A story's paragraphs are mostly longer than any heading, and cheaper to measure than to match.
            if (line.IsHeading || (line.Text.Length <= MaxEntryLength && StructureRules.ChapterHeading(line.Text).Success))
            {
                headings[Normalise(line.Text)] = index;
            }
        }
        if (headings.Count < MinimumEntries)
        {
            return;
        }
        var lastHeading = headings.Values.Max();
        // A table of contents comes near the start, after at most a title page; looking further would cost every
        // long story a pass of all its lines against all its headings.
        for (var k = 0; k < Math.Min(entries.Count, ContentsWithin) && entries[k].Index < lastHeading; k++)
        {
            var run = k;
            while (run < entries.Count && RepeatsLaterHeading(entries[run].Line.Text, entries[run].Index, headings))
            {
                run++;
            }
            if (run - k < MinimumEntries || !entries.Skip(k).Take(run - k).All(e => headings.Values.Any(h => h > entries[run - 1].Index)))
            {
                continue;
            }
            var first = k > 0 && ContentsLabel().IsMatch(entries[k - 1].Line.Text.Trim()) ? k - 1 : k;
            for (var e = first; e < run; e++)
            {
                work.Markers.Add(entries[e].Line.Text);
                lines[entries[e].Index] = SourceLine.Blank;
            }
            return;
        }
    }

    private static bool RepeatsLaterHeading(string text, int index, Dictionary<string, int> headings)
    {
        if (text.Length > MaxEntryLength)
        {
            return false;
        }
        var entry = Normalise(LeaderAndPage().Replace(text, string.Empty));
        if (entry.Length == 0)
        {
            return false;
        }
        foreach (var (heading, at) in headings)
        {
            // "CHAPTER I. Down the Rabbit-Hole" lists the heading "CHAPTER I." with the title under it.
            if (at > index && (entry == heading || (entry.StartsWith(heading, StringComparison.Ordinal) && heading.Length >= 5)))
            {
                return true;
            }
        }
        return false;
    }

    private static string Normalise(string text) => Regex.Replace(text.Trim().ToLowerInvariant(), @"\s+", " ").TrimEnd('.', ':');

    [GeneratedRegex(@"^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E(?:BOOK|TEXT)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex GutenbergStart();

    [GeneratedRegex(@"^\s*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E(?:BOOK|TEXT)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex GutenbergEnd();

    [GeneratedRegex(@"^(?<label>Title|Author|Release date|Language|Credits|Most recently updated)\s*:\s*(?<value>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderField();

    [GeneratedRegex(@"^(?:table of )?contents\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex ContentsLabel();

    /// <summary>Dot leaders and a page number after an entry: "Chapter One ........ 5".</summary>
    [GeneratedRegex(@"(?:[\s.·…_]{2,}|\s+)\d{1,4}\s*$")]
    private static partial Regex LeaderAndPage();
}
