using Makimono.Tags;
using Makimono.Works;

namespace Makimono.Import;

/// <summary>
/// Fills the posting form from an imported file without losing what the writer typed before importing. Where the file
/// is silent the typed value stays; tag fields take both; where both give a different value the typed one is kept,
/// because it exists nowhere else while the file's can be imported again, and the field is named so the writer knows.
/// The chapters are the file's: bringing them is what importing is for.
/// </summary>
public static class ImportOverTypedForm
{
    public sealed record Merged(WorkForm Work, IReadOnlyList<string> KeptTyped);

    public static Merged Merge(WorkForm typed, WorkForm fromFile)
    {
        var kept = new List<string>();
        string? Text(string label, string? mine, string? theirs)
        {
            if (string.IsNullOrWhiteSpace(mine))
            {
                return theirs;
            }
            if (!string.IsNullOrWhiteSpace(theirs) && theirs.Trim() != mine.Trim())
            {
                kept.Add(label);
            }
            return mine;
        }
        List<int> Choices(string label, List<int> mine, List<int> theirs, IReadOnlyCollection<int> fileDefault)
        {
            if (mine.Count == 0)
            {
                return theirs;
            }
            if (!theirs.ToHashSet().SetEquals(mine) && !theirs.ToHashSet().SetEquals(fileDefault))
            {
                kept.Add(label);
            }
            return mine;
        }
        var merged = new WorkForm
        {
            Title = Text("title", typed.Title, fromFile.Title),
            Summary = Text("summary", typed.Summary, fromFile.Summary),
            Notes = Text("notes", typed.Notes, fromFile.Notes),
            EndNotes = Text("end notes", typed.EndNotes, fromFile.EndNotes),
            // English and "Not Rated" are what the form starts with, not choices the writer made.
            Language = string.IsNullOrWhiteSpace(typed.Language) || Languages.CodeOf(typed.Language) == Languages.DefaultCode ? fromFile.Language : Text("language", typed.Language, fromFile.Language),
            RatingId = typed.RatingId == FixedTags.NotRatedId ? fromFile.RatingId : KeepRating(typed.RatingId, fromFile.RatingId, kept),
            WarningIds = Choices("archive warnings", typed.WarningIds, fromFile.WarningIds, [FixedTags.ChoseNotToWarnId]),
            CategoryIds = Choices("categories", typed.CategoryIds, fromFile.CategoryIds, []),
            Fandoms = Both(typed.Fandoms, fromFile.Fandoms),
            Relationships = Both(typed.Relationships, fromFile.Relationships),
            Characters = Both(typed.Characters, fromFile.Characters),
            Freeforms = Both(typed.Freeforms, fromFile.Freeforms),
            ExpectedChapters = Text("expected chapters", typed.ExpectedChapters, fromFile.ExpectedChapters),
            SeriesTitles = Text("series", typed.SeriesTitles, fromFile.SeriesTitles),
            PublishedOn = typed.PublishedOn ?? fromFile.PublishedOn,
            IsRestricted = typed.IsRestricted,
            PseudId = typed.PseudId,
            CoCreators = typed.CoCreators,
        };
        return new Merged(merged, kept);
    }

    private static int KeepRating(int mine, int theirs, List<string> kept)
    {
        if (theirs != FixedTags.NotRatedId && theirs != mine)
        {
            kept.Add("rating");
        }
        return mine;
    }

    /// <summary>The typed tags, then the file's that were not typed already.</summary>
    private static string Both(string? mine, string? theirs)
    {
        var names = TagName.SplitList(mine).ToList();
        var seen = names.Select(TagName.Normalize).ToHashSet(StringComparer.Ordinal);
        names.AddRange(TagName.SplitList(theirs).Where(name => seen.Add(TagName.Normalize(name))));
        return string.Join(", ", names);
    }
}
