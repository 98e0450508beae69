using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

using Makimono.Import.Html;
using Makimono.Import.Structure;

namespace Makimono.Import.Formats;

/// <summary>
/// A FanFiction.Net chapter page saved from the browser: #profile_top carries the title, author, summary and the
/// story line ("Rated: Fiction T - English - Romance/Drama - [A, B] C - Chapters: 3 - Words: …"), the breadcrumb
/// names the fandom, the chapter select names this chapter ("2. The Storm"), and #storytext is its text. The menus,
/// scripts, review box and footer around them are left out.
/// </summary>
public static partial class SavedFfnPage
{
    /// <summary>FanFiction.Net's genres; the story line's one dash-separated part made only of these is the genre.</summary>
    private static readonly HashSet<string> Genres = new(StringComparer.OrdinalIgnoreCase)
    {
        "Adventure", "Angst", "Crime", "Drama", "Family", "Fantasy", "Friendship", "General", "Horror", "Humor",
        "Hurt/Comfort", "Mystery", "Parody", "Poetry", "Romance", "Sci-Fi", "Spiritual", "Supernatural", "Suspense",
        "Tragedy", "Western",
    };

    public static bool IsSavedFfnPage(IHtmlDocument document) =>
        document.GetElementById("storytext") is not null && document.GetElementById("profile_top") is not null;

    public static ImportedWork Read(string source, IHtmlDocument document)
    {
        var work = new ImportedWork { Source = source, Format = "ffn-page" };
        var profile = document.GetElementById("profile_top")!;
        work.Title = profile.QuerySelector("b")?.TextContent.Trim();
        foreach (var author in profile.QuerySelectorAll("a[href*='/u/']"))
        {
            var name = author.TextContent.Trim();
            if (name.Length > 0 && !work.Creators.Contains(name))
            {
                work.Creators.Add(name);
            }
        }
        foreach (var label in profile.Children.Where(e => e.LocalName == "span" && e.QuerySelector("a, button") is null && !IsStoryLine(e)))
        {
            // "By:" before the author's link.
            work.Markers.Add(label.TextContent.Trim());
        }
        work.Summary = profile.Children
            .Where(e => e.LocalName == "div" && e.TextContent.Trim().Length > 0)
            .Select(e => e.TextContent.Trim())
            .FirstOrDefault();
        if (profile.Children.FirstOrDefault(IsStoryLine) is { } storyLine)
        {
            work.Markers.Add(storyLine.TextContent);
            ReadStoryLine(storyLine.TextContent, work);
        }
        ReadFandoms(document, work);
        var chapter = new ImportedChapter();
        if (document.QuerySelector("select#chap_select option[selected]") is { } selected)
        {
            var m = NumberedOption().Match(selected.TextContent.Trim());
            work.Markers.Add(m.Groups["number"].Value);
            chapter.Title = m.Groups["title"].Value.Trim() is { Length: > 0 } title ? title : null;
        }
        ReadChapterText(HtmlLines.From(document.GetElementById("storytext")!), chapter, work);
        work.Chapters.Add(chapter);
        return work;
    }

    /// <summary>
    /// The chapter's text, where authors put their disclaimer and notes at the top and their review plea at the
    /// bottom, as in a text file: read by the same recogniser. The page has given the title and summary already, so
    /// no line of the text is taken for them; should it find chapter headings, the text is kept whole instead.
    /// </summary>
    private static void ReadChapterText(List<SourceLine> lines, ImportedChapter chapter, ImportedWork work)
    {
        const string known = "(known)";
        var scratch = new ImportedWork { Source = work.Source, Format = work.Format, Title = known, Summary = known };
        StructureRecogniser.Recognise(lines, scratch);
        if (scratch.Chapters.Count != 1 || scratch.Title != known)
        {
            ChapterBody.Render(Paragraph.Split(lines), chapter, work.Markers);
            return;
        }
        var text = scratch.Chapters[0];
        (chapter.Html, chapter.Text, chapter.Notes, chapter.EndNotes) = (text.Html, text.Text, text.Notes, text.EndNotes);
        // A "Summary:" in the text is this chapter's.
        chapter.Summary = scratch.Summary == known ? null : scratch.Summary![known.Length..].Trim();
        work.Disclaimer = scratch.Disclaimer;
        work.ContentNotes = scratch.ContentNotes;
        chapter.Notes = scratch.Notes is null ? chapter.Notes : FrontMatter.Join(chapter.Notes, scratch.Notes);
        chapter.EndNotes = scratch.EndNotes is null ? chapter.EndNotes : FrontMatter.Join(chapter.EndNotes, scratch.EndNotes);
        work.Rating ??= scratch.Rating;
        work.Relationships.AddRange(scratch.Relationships.Where(r => !work.Relationships.Contains(r)));
        work.Categories.AddRange(scratch.Categories);
        work.Markers.AddRange(scratch.Markers);
    }

    private static bool IsStoryLine(IElement e) => e.TextContent.Contains("Rated:", StringComparison.Ordinal);

    /// <summary>The dash-separated parts in order: rating, language, genres, characters, then "Key: value" figures.</summary>
    internal static void ReadStoryLine(string line, ImportedWork work)
    {
        var parts = line.Split(" - ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.StartsWith("Rated:", StringComparison.OrdinalIgnoreCase))
            {
                var code = part["Rated:".Length..].Trim();
                code = code.StartsWith("Fiction", StringComparison.OrdinalIgnoreCase) ? code["Fiction".Length..] : code;
                work.Rating = StructureRules.RatingName(code.Trim()) ?? work.Rating;
            }
            else if (part.Contains(':', StringComparison.Ordinal))
            {
                // Chapters, Words, Reviews, Favs, Follows, Updated, Published, Status, id: the site's figures, not tags.
            }
            else if (i == 1)
            {
                work.Language = Ao3HtmlImport.LanguageCode(part);
            }
            else if (GenreNames(part).ToList() is var genres && genres.All(Genres.Contains))
            {
                work.Freeforms.AddRange(genres);
            }
            else
            {
                ReadCharacters(part, work);
            }
        }
    }

    /// <summary>"Hurt/Comfort" is one genre; other slashes separate genres.</summary>
    private static IEnumerable<string> GenreNames(string part) =>
        Genres.Contains(part) ? [part] : HurtComfort().Split(part).Where(g => g.Length > 0).Select(g => g.Trim('/'));

    /// <summary>"[Harry P., Hermione G.] Ron W., OC": each bracket is a pairing, and every name is a character.</summary>
    private static void ReadCharacters(string part, ImportedWork work)
    {
        foreach (Match pairing in Pairing().Matches(part))
        {
            var names = Tags.TagName.SplitList(pairing.Groups["names"].Value).ToList();
            if (names.Count > 1)
            {
                work.Relationships.Add(string.Join('/', names));
            }
        }
        foreach (var name in Tags.TagName.SplitList(part.Replace('[', ',').Replace(']', ',')))
        {
            if (!work.Characters.Contains(name))
            {
                work.Characters.Add(name);
            }
        }
    }

    /// <summary>The breadcrumb's last link is the fandom; a crossover's reads "A + B Crossover".</summary>
    private static void ReadFandoms(IHtmlDocument document, ImportedWork work)
    {
        var crumbs = document.QuerySelector("#pre_story_links") ?? document.QuerySelector(".lc-left");
        if (crumbs is null)
        {
            return;
        }
        work.Markers.Add(crumbs.TextContent);
        var links = crumbs.QuerySelectorAll("a");
        if (links.Length == 0)
        {
            return;
        }
        var last = links[^1].TextContent.Trim();
        var crossover = CrossoverSuffix().Replace(last, string.Empty);
        work.Fandoms.AddRange(crossover == last ? [last] : crossover.Split([" + ", " & "], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    [GeneratedRegex(@"^(?<number>\d+)\.?\s*(?<title>.*)$")]
    private static partial Regex NumberedOption();

    [GeneratedRegex(@"\[(?<names>[^\]]+)\]")]
    private static partial Regex Pairing();

    [GeneratedRegex(@"(Hurt/Comfort)|/")]
    private static partial Regex HurtComfort();

    [GeneratedRegex(@"\s+Crossover$", RegexOptions.IgnoreCase)]
    private static partial Regex CrossoverSuffix();
}
