using System.Text.RegularExpressions;

namespace Makimono.Import.Structure;

/// <summary>
/// Reads the paragraphs before a story starts: title, byline, author's notes, summary, disclaimer,
/// content notes, rating and pairings. Stops at the first paragraph that reads as story.
/// </summary>
internal sealed class FrontMatter(ImportedWork work, ImportedChapter? chapter, bool isWorkStart)
{
    private bool _sawNote;

    /// <summary>Returns how many paragraphs from the start were front matter.</summary>
    /// <param name="storyFollows">True when a chapter heading comes after these paragraphs, so all of them may be front matter.</param>
    public int Read(List<Paragraph> paragraphs, bool allowTitle, bool storyFollows)
    {
        SplitMetadataBlocks(paragraphs);
        var i = 0;
        for (; i < paragraphs.Count; i++)
        {
            if (IsLabelAlone(paragraphs[i]) && i + 1 < paragraphs.Count && !paragraphs[i + 1].IsRule)
            {
                // AO3's text copies put "Summary:" and "Notes:" on a line of their own, above what they label.
                var next = paragraphs[i + 1];
                paragraphs[i] = new Paragraph([.. paragraphs[i].Lines, .. next.Lines], paragraphs[i].GapBefore) { GapAfter = next.GapAfter };
                paragraphs.RemoveAt(i + 1);
            }
            var p = paragraphs[i];
            var hasMore = storyFollows || i < paragraphs.Count - 1;
            if (p.IsRule || !hasMore)
            {
                break;
            }
            // "Rated K+" or "Ana x Ben" is short and unpunctuated like a title, but says something else.
            if (allowTitle && work.Title is null && work.Summary is null
                && (!StructureRules.IsMetadataLine(p.Text) || StructureRules.Byline(p.Text).Success)
                && StructureRules.IsTitleLine(p) && !StructureRules.IsChattyNote(p))
            {
                work.Title = p.Text.Trim();
                continue;
            }
            if (TryLabelled(p) || TryByline(p) || TryRating(p) || TryPairing(p))
            {
                _sawNote = true;
                continue;
            }
            if (StructureRules.IsChattyNote(p))
            {
                AddNotes(p.Text);
                _sawNote = true;
                continue;
            }
            var summary = isWorkStart ? work.Summary : chapter?.Summary;
            // A chapter's first line before a scene break is as often story as summary; only a note before it tells.
            if (summary is null && StructureRules.CouldBeSummary(p) && (_sawNote || (isWorkStart && p.GapAfter >= 2)))
            {
                SetSummary(p.Text);
                continue;
            }
            break;
        }
        return i;
    }

    /// <summary>
    /// "Title / By X / Rating: T / Pairing: A x B" often come as one block of lines; each line is its own item.
    /// Only blocks whose every line after the first states metadata are split.
    /// </summary>
    private static void SplitMetadataBlocks(List<Paragraph> paragraphs)
    {
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            if (p.Lines.Count < 2 || p.IsRule || !p.Lines.Skip(1).All(l => StructureRules.IsMetadataLine(l.Text)))
            {
                continue;
            }
            var split = p.Lines.Select((l, k) => new Paragraph([l], k == 0 ? p.GapBefore : 0) { GapAfter = k == p.Lines.Count - 1 ? p.GapAfter : 0 }).ToList();
            paragraphs.RemoveAt(i);
            paragraphs.InsertRange(i, split);
            i += split.Count - 1;
        }
    }

    private bool TryLabelled(Paragraph p)
    {
        var m = StructureRules.Label(p.Lines[0].Text);
        if (!m.Success)
        {
            return false;
        }
        var label = LabelName(m);
        var rest = string.Join("\n", new[] { m.Groups["rest"].Value.Trim() }.Concat(p.Lines.Skip(1).Select(l => l.Text.Trim()))).Trim();
        var labelText = p.Lines[0].Text[..m.Groups["rest"].Index];
        switch (label)
        {
            case "summary":
                work.Markers.Add(labelText);
                SetSummary(rest);
                return true;
            case "disclaimer":
                work.Markers.Add(labelText);
                work.Disclaimer = Join(work.Disclaimer, rest);
                return true;
            case var notes when IsNotesLabel(notes):
                work.Markers.Add(labelText);
                AddNotes(rest);
                return true;
            case "dedication" or "dedicated to" or "written to" or "written for":
                AddNotes(p.Text);
                return true;
            case "title":
                work.Markers.Add(labelText);
                work.Title = Join(work.Title, rest);
                return true;
            case "author" or "written by":
                work.Markers.Add(labelText);
                work.Creators.Add(rest);
                return true;
            case "rating":
                work.Markers.Add(p.Text);
                work.Rating ??= StructureRules.RatingName(rest) ?? StructureRules.RatingName(rest.Split(' ')[0]);
                return true;
            case "pairing" or "pairings" or "relationship" or "relationships":
                work.Markers.Add(p.Text);
                AddRelationships(rest);
                return true;
            case "character" or "characters":
                work.Markers.Add(p.Text);
                AddTags(work.Characters, rest);
                return true;
            case "fandom" or "fandoms":
                work.Markers.Add(p.Text);
                AddTags(work.Fandoms, rest);
                return true;
            case "archive warning" or "archive warnings":
                work.Markers.Add(p.Text);
                AddTags(work.ArchiveWarnings, rest);
                return true;
            case "genre" or "genres" or "additional tags":
                work.Markers.Add(p.Text);
                AddTags(work.Freeforms, rest);
                return true;
            case "category" or "categories":
                work.Markers.Add(p.Text);
                AddTags(work.Categories, rest);
                return true;
            case "series":
                work.Markers.Add(p.Text);
                // "Part 2 of My Series", as AO3's downloads and the archive's own write it, names "My Series".
                AddTags(work.Series, Regex.Replace(rest, @"^Part\s+\d+\s+of\s+", string.Empty, RegexOptions.IgnoreCase));
                return true;
            case "words" or "word" or "word count" or "language":
                work.Markers.Add(p.Text);
                return true;
            default:
                // Warnings, contents, spoilers, trigger warnings: kept as the author wrote them.
                AddContentNotes(p.Text);
                if (StructureRules.SaysNoLemons(p.Text))
                {
                    work.Suggestions.Rating ??= new TagSuggestion("Teen And Up Audiences", 0.4);
                }
                return true;
        }
    }

    /// <summary>The label in lower case, its spaces single and its apostrophes straight.</summary>
    internal static string LabelName(Match label) =>
        Regex.Replace(label.Groups["label"].Value.ToLowerInvariant(), @"\s+", " ").Replace('’', '\'');

    internal static bool IsNotesLabel(string name) =>
        name is "a/n" or "an" or "notes" or "note" or "author's note" or "authors note" or "author's notes" or "authors notes"
            or "author note" or "authors' note" or "authors' notes";

    /// <summary>A label such as "Summary:" with nothing after it on its line.</summary>
    internal static bool IsLabelAlone(Paragraph p) =>
        p.IsSingleLine && !p.IsRule && StructureRules.Label(p.Text) is { Success: true } m && m.Groups["rest"].Value.Trim().Length == 0;

    private bool TryByline(Paragraph p)
    {
        if (!isWorkStart || !p.IsSingleLine || StructureRules.Byline(p.Text) is not { Success: true } m)
        {
            return false;
        }
        work.Markers.Add(m.Groups["label"].Value);
        work.Creators.Add(m.Groups["name"].Value.Trim());
        return true;
    }

    private bool TryRating(Paragraph p)
    {
        if (StructureRules.RatedInWords(p.Lines[0].Text) is { Success: true } m)
        {
            work.Rating ??= StructureRules.RatingName(m.Groups["code"].Value);
            if (p.IsSingleLine && p.Text.Trim().TrimEnd('.', '!') == m.Value.Trim())
            {
                // "Rated T" says nothing the rating field does not; "Rated M for gore" also warns.
                work.Markers.Add(p.Text);
            }
            else
            {
                AddContentNotes(p.Text);
            }
            return true;
        }
        if (StructureRules.SaysNoLemons(p.Text) && StructureRules.Words(p.Text) <= 40)
        {
            AddContentNotes(p.Text);
            work.Suggestions.Rating ??= new TagSuggestion("Teen And Up Audiences", 0.4);
            return true;
        }
        return false;
    }

    private bool TryPairing(Paragraph p)
    {
        if (!p.IsSingleLine)
        {
            return false;
        }
        if (StructureRules.GenderPairing(p.Text) is { Success: true } g)
        {
            work.Markers.Add(p.Text);
            var category = Category(g.Groups["a"].Value, g.Groups["b"].Value);
            if (!work.Categories.Contains(category))
            {
                work.Categories.Add(category);
            }
            return true;
        }
        if (StructureRules.UnlabelledPairing(p.Text) is { Success: true } m)
        {
            work.Markers.Add(p.Text);
            AddRelationships(m.Groups["pairs"].Value);
            return true;
        }
        return false;
    }

    private static string Category(string a, string b)
    {
        static bool Male(string s) => s.ToLowerInvariant() is "boy" or "man" or "male";
        return (Male(a), Male(b)) switch
        {
            (true, true) => "M/M",
            (false, false) => "F/F",
            _ => "F/M",
        };
    }

    private void AddRelationships(string text)
    {
        foreach (var pair in text.Split([',', ';', '&'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var names = Regex.Split(pair, @"\s+[xX×]\s+|\s*/\s*").Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
            var name = string.Join("/", names);
            if (name.Length > 0 && !work.Relationships.Contains(name))
            {
                work.Relationships.Add(name);
            }
        }
    }

    private static void AddTags(List<string> list, string text)
    {
        foreach (var tag in Tags.TagName.SplitList(text))
        {
            if (!list.Contains(tag))
            {
                list.Add(tag);
            }
        }
    }

    private void SetSummary(string text)
    {
        if (isWorkStart || chapter is null)
        {
            work.Summary = Join(work.Summary, text);
        }
        else
        {
            chapter.Summary = Join(chapter.Summary, text);
        }
    }

    private void AddNotes(string text)
    {
        if (isWorkStart || chapter is null)
        {
            work.Notes = Join(work.Notes, text);
        }
        else
        {
            chapter.Notes = Join(chapter.Notes, text);
        }
    }

    private void AddContentNotes(string text) => work.ContentNotes = Join(work.ContentNotes, text);

    internal static string Join(string? existing, string text) =>
        string.IsNullOrEmpty(existing) ? text.Trim() : existing + "\n\n" + text.Trim();
}
