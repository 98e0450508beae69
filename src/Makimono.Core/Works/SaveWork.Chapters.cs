using Makimono.Database;

namespace Makimono.Works;

public static partial class SaveWork
{
    /// <summary>The form prefix of the chapters after the first, as the posting page names them.</summary>
    public const string LaterChaptersField = "MoreChapters";

    /// <summary>
    /// Creates a work with several chapters at once (an imported file, or the posting page after an upload), in one
    /// transaction: either every chapter is saved or nothing is. Every chapter is checked before anything is saved, so
    /// the author sees all the problems together; errors of later chapters are keyed "MoreChapters[i].Body".
    /// </summary>
    public static async Task<(Work? Work, FormErrors Errors)> CreateAsync(
        ArchiveDbContext db, TimeProvider clock, int userId, WorkForm form, ChapterForm firstChapter, IReadOnlyList<ChapterForm> laterChapters,
        bool post, bool acceptRemovals, FormErrors? unreadable = null, CancellationToken ct = default)
    {
        var later = CheckLaterChapters(laterChapters, post, clock.GetUtcNow().UtcDateTime);
        later.RequireAcceptedRemovals(acceptRemovals);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (work, errors) = await CreateAsync(db, clock, userId, form, firstChapter, post, acceptRemovals, unreadable, ct);
        if (work is null || later.Any)
        {
            db.ChangeTracker.Clear();
            return (null, Merge(errors, later));
        }
        foreach (var chapter in laterChapters)
        {
            // Already checked above, removals included.
            var (_, chapterErrors) = await ChapterEditing.AddAsync(db, clock, work, chapter, post, acceptRemovals: true, ct);
            if (chapterErrors.Any)
            {
                db.ChangeTracker.Clear();
                return (null, chapterErrors);
            }
        }
        await transaction.CommitAsync(ct);
        return (work, errors);
    }

    private static FormErrors CheckLaterChapters(IReadOnlyList<ChapterForm> chapters, bool post, DateTime now)
    {
        var all = new FormErrors();
        for (var i = 0; i < chapters.Count; i++)
        {
            var errors = new FormErrors();
            ChapterEditing.Build(chapters[i], errors, isDraft: !post, now);
            foreach (var (field, message) in errors.Fields)
            {
                all.Add($"{LaterChaptersField}[{i}]{field["Chapter".Length..]}", $"Chapter {i + 2}: {message}");
            }
            all.RemovedHtml.AddRange(errors.RemovedHtml);
        }
        return all;
    }

    private static FormErrors Merge(FormErrors first, FormErrors later)
    {
        foreach (var (field, message) in later.Fields)
        {
            first.Add(field, message);
        }
        first.RemovedHtml.AddRange(later.RemovedHtml.Except(first.RemovedHtml));
        return first;
    }
}
