using Makimono.Database;
using Makimono.Import.Formats;
using Makimono.Tags;
using Makimono.Works;

namespace Makimono.Import;

/// <summary>
/// Saves an imported work through the same path as the posting form, as a draft unless asked to post.
/// Suggestions are never applied: only what the file stated goes into the work's tags.
/// </summary>
public static class ImportIntoArchive
{
    public sealed record Outcome(int? WorkId, string? Error);

    public static async Task<Outcome> SaveAsync(ArchiveDbContext db, TimeProvider clock, int userId, ImportedWork work, bool post, CancellationToken ct = default)
    {
        var (created, errors) = await SaveWork.CreateAsync(db, clock, userId, FormFor(work), ChapterFormFor(work.Chapters[0]),
            work.Chapters.Skip(1).Select(ChapterFormFor).ToList(), post, acceptRemovals: true, ct: ct);
        return created is null ? new Outcome(null, Describe(errors)) : new Outcome(created.Id, null);
    }

    /// <summary>The work form has no disclaimer or content-notes fields, so they lead the notes, as authors put them.</summary>
    public static WorkForm FormFor(ImportedWork work)
    {
        var notes = string.Join("\n\n", new[] { work.Disclaimer, work.ContentNotes, work.Notes }.Where(n => !string.IsNullOrWhiteSpace(n)));
        return new WorkForm
        {
            Title = Text.PlainLine.Tidy(work.Title ?? FileImport.TitleFromFileName(work.Source)),
            Summary = work.Summary,
            Notes = notes.Length == 0 ? null : notes,
            EndNotes = work.EndNotes,
            // Shown by name on the form; a code no one knows (a hand-made EPUB's) leaves the work in English rather than refusing it.
            Language = Languages.NameOf(Languages.CodeOf(work.Language) ?? Languages.DefaultCode),
            RatingId = FixedTags.Ratings.FirstOrDefault(r => r.Name == work.Rating)?.Id ?? FixedTags.NotRatedId,
            WarningIds = IdsOf(FixedTags.ArchiveWarnings, work.ArchiveWarnings) is { Count: > 0 } warnings ? warnings : [FixedTags.ChoseNotToWarnId],
            CategoryIds = IdsOf(FixedTags.Categories, work.Categories),
            Fandoms = string.Join(", ", work.Fandoms),
            Relationships = string.Join(", ", work.Relationships),
            Characters = string.Join(", ", work.Characters),
            Freeforms = string.Join(", ", work.Freeforms),
            ExpectedChapters = work.Chapters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            SeriesTitles = string.Join(", ", work.Series.Select(Text.PlainLine.Tidy)),
        };
    }

    public static ChapterForm ChapterFormFor(ImportedChapter chapter) => new()
    {
        Title = Text.PlainLine.Tidy(chapter.Title),
        Summary = chapter.Summary,
        Notes = chapter.Notes,
        EndNotes = chapter.EndNotes,
        Body = chapter.Html,
    };

    private static List<int> IdsOf(IReadOnlyList<FixedTag> tags, List<string> names) =>
        tags.Where(t => names.Contains(t.Name, StringComparer.OrdinalIgnoreCase)).Select(t => t.Id).ToList();

    private static string Describe(FormErrors errors)
    {
        var messages = errors.Fields.Select(f => f.Key == "Work.Fandoms" ? $"{f.Value} Give one with --fandom NAME." : f.Value);
        return "The archive refused the work: " + string.Join(" ", messages);
    }
}
