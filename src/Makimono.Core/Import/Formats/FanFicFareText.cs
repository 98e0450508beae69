using System.Text.RegularExpressions;
using Makimono.Import.Structure;

namespace Makimono.Import.Formats;

/// <summary>
/// FanFicFare's plain-text output: the title, "by AUTHOR", a header of "Label: value" lines (Category, Genre,
/// Language, Status, Published, Updated, Packaged, Rating, Chapters, Words, Publisher, Story URL, Author URL,
/// Summary; a long value wraps onto the next lines), maybe a table of contents, then each chapter after a
/// tab-indented "N. Title" line, and "End file." at the end. Chapters are cut only at those lines: a "Chapter 3"
/// line inside the text is the author's own heading, repeated, and no paragraph of the text is taken for a summary.
/// </summary>
public static partial class FanFicFareText
{
    /// <summary>The header's labels, as FanFicFare writes them; a line starting with any other text continues the last value.</summary>
    private static readonly HashSet<string> Labels = new(StringComparer.Ordinal)
    {
        "Category", "Genre", "Language", "Characters", "Relationships", "Series", "Status", "Published", "Updated",
        "Packaged", "Created", "Rating", "Warnings", "Chapters", "Words", "Publisher", "Site", "Story URL", "Author URL",
        "Summary", "Description", "Collections", "Comments", "Kudos", "Hits", "Bookmarks", "Reviews", "Favs", "Follows",
    };

    /// <summary>Wrapped lines are at most this long; a paragraph whose lines run up to it was wrapped by FanFicFare.</summary>
    private const int WrapWidth = 78;

    /// <summary>How far into the file the header must have shown itself.</summary>
    private const int HeaderWithin = 8192;

    public static bool IsFanFicFareText(string text)
    {
        // The title, byline and header open the file: only its start is split into lines to look.
        var lines = Lines(text[..Math.Min(text.Length, HeaderWithin)]);
        var start = lines.FindIndex(l => l.Trim().Length > 0);
        if (start < 0 || start + 2 >= lines.Count)
        {
            return false;
        }
        var byline = lines.Skip(start + 1).FirstOrDefault(l => l.Trim().Length > 0);
        return byline is not null && byline.StartsWith("by ", StringComparison.Ordinal)
            && lines.Count(l => LabelOf(l) is not null) >= 3
            && ChapterLineAnywhere().IsMatch(text);
    }

    public static ImportedWork Read(string source, string text)
    {
        var work = new ImportedWork { Source = source, Format = "fanficfare-text", Encoding = "utf-8" };
        var lines = Lines(text);
        var i = lines.FindIndex(l => l.Trim().Length > 0);
        work.Title = lines[i].Trim();
        i = lines.FindIndex(i + 1, l => l.Trim().Length > 0);
        work.Markers.Add("by");
        foreach (var name in lines[i].Trim()[3..].Split([", ", " & ", " and "], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            work.Creators.Add(name);
        }
        i = ReadHeader(lines, i + 1, work);
        ReadChapters(lines, i, work);
        if (work.Chapters.Count == 0)
        {
            throw new ImportException("This FanFicFare text file has its header but no chapter. Check that the download finished.");
        }
        return work;
    }

    /// <summary>The header up to the table of contents or the first chapter; returns the line after it.</summary>
    private static int ReadHeader(List<string> lines, int i, ImportedWork work)
    {
        string? label = null;
        var value = new List<string>();
        void Flush()
        {
            if (label is not null)
            {
                EpubTitlePage.Apply(label, Unwrap(value), work);
            }
        }
        for (; i < lines.Count && !ChapterLine().IsMatch(lines[i]); i++)
        {
            var line = lines[i];
            if (line.Trim() == "TABLE OF CONTENTS")
            {
                // The contents repeat the chapter lines; they are structure, not text.
                for (; i < lines.Count && !ChapterLine().IsMatch(lines[i]); i++)
                {
                    work.Markers.Add(lines[i]);
                }
                break;
            }
            if (LabelOf(line) is { } next)
            {
                Flush();
                label = next;
                value = [line[(next.Length + 1)..].Trim()];
            }
            else if (label is not null)
            {
                value.Add(line.Trim());
            }
            else if (line.Trim().Length > 0)
            {
                work.Notes = FrontMatter.Join(work.Notes, line);
            }
        }
        Flush();
        return i;
    }

    private static void ReadChapters(List<string> lines, int i, ImportedWork work)
    {
        while (i < lines.Count)
        {
            var heading = ChapterLine().Match(lines[i]);
            var end = lines.FindIndex(i + 1, l => ChapterLine().IsMatch(l));
            end = end < 0 ? lines.Count : end;
            work.Markers.Add(heading.Groups["number"].Value);
            var title = heading.Groups["title"].Value.Trim();
            var chapter = new ImportedChapter { Title = Ao3HtmlImport.ChapterTitle(title, work.Markers) };
            var body = lines.GetRange(i + 1, end - i - 1);
            var isLast = end == lines.Count;
            if (isLast)
            {
                var fileEnd = body.FindLastIndex(l => l.Trim().Length > 0);
                if (fileEnd >= 0 && body[fileEnd].Trim() == "End file.")
                {
                    work.Markers.Add(body[fileEnd]);
                    body.RemoveAt(fileEnd);
                }
            }
            ReadChapterBody(Paragraph.Split(Unwrapped(body)), title, chapter, work, isLast);
            work.Chapters.Add(chapter);
            i = end;
        }
    }

    /// <summary>A chapter's paragraphs, as FanFicFare's text and HTML output both give them.</summary>
    internal static void ReadChapterBody(List<Paragraph> paragraphs, string title, ImportedChapter chapter, ImportedWork work, bool isLast)
    {
        {
            // The text often opens by repeating its title, or with its own "Chapter 3" line, or both.
            for (var repeated = 0; repeated < 2 && paragraphs.Count > 1 && paragraphs[0].IsSingleLine
                && (paragraphs[0].Text == title || paragraphs[0].Text == chapter.Title || StructureRules.ChapterHeading(paragraphs[0].Text).Success); repeated++)
            {
                work.Markers.Add(paragraphs[0].Text);
                paragraphs.RemoveAt(0);
            }
            var endCount = EndMatter.Read(paragraphs, work, chapter, isLast);
            ChapterBody.Render(paragraphs.Take(paragraphs.Count - endCount).ToList(), chapter, work.Markers);
        }
    }

    /// <summary>A paragraph FanFicFare wrapped at its width is one line again; short lines (verse, letters) stay lines.</summary>
    private static List<SourceLine> Unwrapped(List<string> lines)
    {
        var result = new List<SourceLine>();
        var paragraph = new List<string>();
        void Flush()
        {
            if (paragraph.Count > 0)
            {
                var wrapped = paragraph.Count > 1 && paragraph.Take(paragraph.Count - 1).All(l => l.Length > WrapWidth - 25);
                result.AddRange(wrapped ? [SourceLine.FromText(Unwrap(paragraph))] : paragraph.Select(SourceLine.FromText));
                paragraph.Clear();
            }
        }
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                Flush();
                result.Add(SourceLine.Blank);
            }
            else
            {
                paragraph.Add(line.TrimEnd());
            }
        }
        Flush();
        return result;
    }

    /// <summary>
    /// The lines as one: FanFicFare wraps at spaces, which come back, and after the hyphen of a hyphenated word or
    /// address ("Paper-Lanterns-for-the-" / "Drowned"), where nothing was.
    /// </summary>
    private static string Unwrap(List<string> lines)
    {
        var joined = new System.Text.StringBuilder();
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (joined.Length > 0 && !(joined.Length > 1 && joined[^1] == '-' && char.IsLetterOrDigit(joined[^2])))
            {
                joined.Append(' ');
            }
            joined.Append(line);
        }
        return joined.ToString();
    }

    private static string? LabelOf(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0)
        {
            colon = line.EndsWith(':') ? line.Length - 1 : -1;
        }
        return colon > 0 && Labels.Contains(line[..colon]) ? line[..colon] : null;
    }

    private static List<string> Lines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').ToList();

    /// <summary>"N. Title": FanFicFare's chapter line, tab-indented in its text output.</summary>
    internal static Match NumberedTitle(string text) => NumberedTitlePattern().Match(text.Trim());

    [GeneratedRegex(@"^(?<number>\d+)\.\s*(?<title>\S.*)?$")]
    private static partial Regex NumberedTitlePattern();

    [GeneratedRegex(@"^\t\d+\.", RegexOptions.Multiline)]
    private static partial Regex ChapterLineAnywhere();

    [GeneratedRegex(@"^\t(?<number>\d+)\.\s*(?<title>\S.*)?$")]
    private static partial Regex ChapterLine();
}
