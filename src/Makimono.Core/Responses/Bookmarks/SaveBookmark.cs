using Makimono.Accounts;
using Makimono.Changes;
using Makimono.Database;
using Makimono.Tags;
using Makimono.Text;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Responses.Bookmarks;

/// <summary>What the bookmark form sends: the note as typed, the tags comma-separated, the pseud (null for the default).</summary>
public sealed record BookmarkInput(string? Note, string? Tags, bool IsPrivate, bool IsRec, int? PseudId);

/// <summary>The saved bookmark, or why nothing was saved: errors by form field ("Note", "Tags", "PseudId").</summary>
public sealed record BookmarkOutcome(Bookmark? Bookmark, IReadOnlyDictionary<string, string> Errors)
{
    public bool Saved => Bookmark is not null;
}

/// <summary>
/// Creates, edits and deletes a reader's bookmark of a work or a series. A work must be posted and readable by the
/// bookmarker (<see cref="WorkAccess"/>); a series needs one such work. Saving again edits the one bookmark.
/// <see cref="Work.BookmarkCount"/> moves by one, in the same transaction, whenever a public bookmark of the work comes or
/// goes; an increment (not a recount) is what stays right when two readers bookmark at once, since each waits for the
/// other's row lock. The work is logged as changed too, so the search index sees the new count.
/// </summary>
public static class SaveBookmark
{
    public static Task<BookmarkOutcome> ForWorkAsync(ArchiveDbContext db, TimeProvider clock, Viewer viewer, int workId, BookmarkInput input, CancellationToken ct) =>
        SaveAsync(db, clock, viewer, workId, null, input, ct);

    public static Task<BookmarkOutcome> ForSeriesAsync(ArchiveDbContext db, TimeProvider clock, Viewer viewer, int seriesId, BookmarkInput input, CancellationToken ct) =>
        SaveAsync(db, clock, viewer, null, seriesId, input, ct);

    /// <summary>Deletes the viewer's own bookmark; false when there is none with that id of theirs.</summary>
    public static async Task<bool> DeleteAsync(ArchiveDbContext db, Viewer viewer, int bookmarkId, CancellationToken ct)
    {
        if (viewer.UserId is not int userId)
        {
            return false;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var bookmark = await db.Bookmarks.FirstOrDefaultAsync(b => b.Id == bookmarkId && b.UserId == userId, ct);
        if (bookmark is null)
        {
            return false;
        }
        await MoveCountAsync(db, bookmark.WorkId, !bookmark.IsPrivate, false, ct);
        db.Bookmarks.Remove(bookmark);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Works a bookmark may be made of, and shown with: those that take responses from the viewer (<see cref="WorkAccess.TakesResponsesFrom"/>).</summary>
    public static IQueryable<Work> Bookmarkable(ArchiveDbContext db, Viewer viewer) => db.Works.TakingResponsesFrom(viewer);

    private static async Task<BookmarkOutcome> SaveAsync(
        ArchiveDbContext db, TimeProvider clock, Viewer viewer, int? workId, int? seriesId, BookmarkInput input, CancellationToken ct)
    {
        if (viewer.UserId is not int userId)
        {
            return Refused("", "Log in to bookmark.");
        }
        var targetExists = workId is int w
            ? await Bookmarkable(db, viewer).AnyAsync(x => x.Id == w, ct)
            : await db.SeriesWorks.AnyAsync(sw => sw.SeriesId == seriesId && Bookmarkable(db, viewer).Any(x => x.Id == sw.WorkId), ct);
        if (!targetExists)
        {
            return Refused("", "There is nothing here you can bookmark.");
        }
        var errors = new Dictionary<string, string>();
        var note = Note(input.Note, errors);
        var tags = Tags(input.Tags, errors);
        var pseud = await db.Pseuds.Where(p => p.UserId == userId)
            .OrderByDescending(p => input.PseudId == null ? p.IsDefault : p.Id == input.PseudId).FirstOrDefaultAsync(ct);
        if (pseud is null || (input.PseudId is int wanted && pseud.Id != wanted))
        {
            errors["PseudId"] = "Choose one of your own pseuds.";
        }
        if (errors.Count > 0)
        {
            return new BookmarkOutcome(null, errors);
        }
        // Two saves at once of a new bookmark (a double click): the second meets the unique index and edits instead.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new BookmarkOutcome(await WriteAsync(db, clock, userId, pseud!.Id, workId, seriesId, note, tags, input, ct), errors);
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<Bookmark> WriteAsync(ArchiveDbContext db, TimeProvider clock, int userId, int pseudId,
        int? workId, int? seriesId, string? note, List<(string Name, string Normalized)> tags, BookmarkInput input, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var bookmark = await db.Bookmarks.Include(b => b.Tags)
            .FirstOrDefaultAsync(b => b.UserId == userId && (workId != null ? b.WorkId == workId : b.SeriesId == seriesId), ct);
        var wasPublic = bookmark is { IsPrivate: false };
        if (bookmark is null)
        {
            bookmark = new Bookmark { UserId = userId, WorkId = workId, SeriesId = seriesId, CreatedAt = now };
            db.Bookmarks.Add(bookmark);
        }
        bookmark.PseudId = pseudId;
        bookmark.Note = note;
        bookmark.IsPrivate = input.IsPrivate;
        bookmark.IsRec = input.IsRec;
        bookmark.UpdatedAt = now;
        db.BookmarkTags.RemoveRange(bookmark.Tags.Where(t => tags.All(n => n.Normalized != t.NormalizedName)));
        foreach (var (name, normalized, position) in tags.Select((t, i) => (t.Name, t.Normalized, i)))
        {
            if (bookmark.Tags.FirstOrDefault(t => t.NormalizedName == normalized) is { } kept)
            {
                kept.Name = name;
                kept.Position = position;
            }
            else
            {
                bookmark.Tags.Add(new BookmarkTag { Name = name, NormalizedName = normalized, Position = position });
            }
        }
        await MoveCountAsync(db, workId, wasPublic, !input.IsPrivate, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return bookmark;
    }

    /// <summary>Moves the work's public count when a public bookmark comes or goes, and logs the work for the search index.</summary>
    private static async Task MoveCountAsync(ArchiveDbContext db, int? workId, bool wasPublic, bool isPublic, CancellationToken ct)
    {
        if (workId is not int id || wasPublic == isPublic)
        {
            return;
        }
        var delta = isPublic ? 1 : -1;
        await db.Works.Where(w => w.Id == id).ExecuteUpdateAsync(s => s.SetProperty(w => w.BookmarkCount, w => w.BookmarkCount + delta), ct);
        db.ArchiveChanges.Add(new ArchiveChange { WorkId = id });
    }

    private static string? Note(string? typed, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }
        if (typed.Length > Limits.BookmarkNoteMax)
        {
            errors["Note"] = $"The note is {typed.Length:N0} characters long; a note can be at most {Limits.BookmarkNoteMax:N0}.";
            return null;
        }
        var html = UserHtml.FromUserInput(typed);
        if (html.Refusal is { } refusal)
        {
            errors["Note"] = refusal;
            return null;
        }
        return html.Html.Length == 0 ? null : html.Html;
    }

    private static List<(string Name, string Normalized)> Tags(string? typed, Dictionary<string, string> errors)
    {
        var names = TagName.SplitList(typed);
        var problems = names.Select(TagName.Validate).OfType<string>().ToList();
        if (names.Count > Limits.BookmarkTagsMax)
        {
            problems.Insert(0, $"A bookmark can have at most {Limits.BookmarkTagsMax} tags; this one has {names.Count}.");
        }
        if (problems.Count > 0)
        {
            errors["Tags"] = string.Join(" ", problems);
            return [];
        }
        return names.Select(n => (n, TagName.Normalize(n))).DistinctBy(t => t.Item2).ToList();
    }

    private static BookmarkOutcome Refused(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });
}
