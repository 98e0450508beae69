using Makimono.Accounts;
using Makimono.Database;
using Makimono.Responses.Comments;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Inbox;

/// <summary>Every item of one kind about one work: one line, however many items (300 kudos are one line).</summary>
public sealed record InboxLine(InboxKind Kind, int Count, int Unread, DateTime Latest, IReadOnlyList<InboxItem> Recent);

/// <summary>A work's part of the inbox, newest first.</summary>
public sealed record InboxGroup(int WorkId, string WorkTitle, DateTime Latest, int Unread, IReadOnlyList<InboxLine> Lines);

/// <summary>
/// What the lines name by id: chapters (number and title), series, saved searches and comments, and each work's
/// creators.
/// </summary>
public sealed record InboxNames(
    IReadOnlyDictionary<long, (int Number, string? Title)> Chapters,
    IReadOnlyDictionary<long, string> Series,
    IReadOnlyDictionary<long, string> SavedSearches,
    IReadOnlyDictionary<int, IReadOnlyList<string>> Creators,
    IReadOnlyDictionary<long, InboxComment> Comments);

/// <summary>A comment as an inbox line lists it: who wrote it, where, and its opening words.</summary>
public sealed record InboxComment(long Id, int ChapterId, string Author, string Excerpt);

/// <summary>
/// Reading the inbox: grouped by work, newest group first, a page of groups at a time. Only items about works the
/// recipient may read now, and not from users they block, are shown or counted (a work hidden since stays out of sight).
/// </summary>
public static class InboxListing
{
    /// <summary>How many items of a line are listed one by one (comments, chapters); the line counts them all.</summary>
    public const int RecentPerLine = 10;

    public static IQueryable<InboxItem> Shown(ArchiveDbContext db, Viewer viewer)
    {
        var userId = viewer.UserId ?? throw new ArgumentException("Guests have no inbox.", nameof(viewer));
        var readable = db.Works.VisibleTo(viewer);
        return db.InboxItems.Where(i => i.RecipientUserId == userId && readable.Any(w => w.Id == i.WorkId)).NotFromBlocked(db);
    }

    /// <summary>
    /// Items whose actor the recipient does not block, for the inbox page and the digest mail alike. Blocking someone
    /// also hides what they did before the block.
    /// </summary>
    public static IQueryable<InboxItem> NotFromBlocked(this IQueryable<InboxItem> items, ArchiveDbContext db) =>
        items.Where(i => i.ActorUserId == null
            || !db.UserBlocks.Any(b => b.BlockerId == i.RecipientUserId && b.BlockedId == i.ActorUserId.Value));

    public static Task<int> UnreadCountAsync(ArchiveDbContext db, Viewer viewer, CancellationToken ct) =>
        Shown(db, viewer).CountAsync(i => i.ReadAt == null, ct);

    public static async Task<(Page<InboxGroup> Page, InboxNames Names)> PageAsync(ArchiveDbContext db, Viewer viewer, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var shown = Shown(db, viewer);
        var total = await shown.Select(i => i.WorkId).Distinct().CountAsync(ct);
        var heads = await shown.GroupBy(i => i.WorkId)
            .Select(g => new { WorkId = g.Key, Latest = g.Max(i => i.CreatedAt), Unread = g.Count(i => i.ReadAt == null) })
            .OrderByDescending(g => g.Latest).ThenByDescending(g => g.WorkId)
            .Skip((int)Math.Min((long)(page - 1) * Limits.PageSize, int.MaxValue - Limits.PageSize)).Take(Limits.PageSize)
            .ToListAsync(ct);
        var workIds = heads.Select(h => h.WorkId).ToList();
        var onPage = shown.Where(i => workIds.Contains(i.WorkId));
        var counts = await onPage.GroupBy(i => new { i.WorkId, i.Kind })
            .Select(g => new { g.Key.WorkId, g.Key.Kind, Count = g.Count(), Unread = g.Count(i => i.ReadAt == null), Latest = g.Max(i => i.CreatedAt) })
            .ToListAsync(ct);
        // Kudos are only ever counted; the other kinds list their newest few.
        var recent = (await onPage.Where(i => i.Kind != InboxKind.Kudos)
                .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
                .Take(Limits.PageSize * RecentPerLine * 4).AsNoTracking().ToListAsync(ct))
            .ToLookup(i => (i.WorkId, i.Kind));
        var titles = await db.Works.Where(w => workIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Title, ct);
        var groups = heads.Select(h => new InboxGroup(h.WorkId, titles[h.WorkId], h.Latest, h.Unread,
                counts.Where(c => c.WorkId == h.WorkId).OrderByDescending(c => c.Latest).ThenBy(c => c.Kind)
                    .Select(c => new InboxLine(c.Kind, c.Count, c.Unread, c.Latest, recent[(c.WorkId, c.Kind)].Take(RecentPerLine).ToList()))
                    .ToList()))
            .ToList();
        return (new Page<InboxGroup>(groups, page, total), await NamesAsync(db, groups, ct));
    }

    /// <summary>
    /// Groups items already read from the database as the page groups them: by work, the most recently active first,
    /// each kind one line, newest first (the inbox mail uses this, so it tells each item as the page does).
    /// </summary>
    public static IReadOnlyList<InboxGroup> Group(IEnumerable<InboxItem> items, IReadOnlyDictionary<int, string> titles) =>
        items.GroupBy(i => i.WorkId)
            .Select(work => new InboxGroup(work.Key, titles[work.Key], work.Max(i => i.CreatedAt), work.Count(i => i.ReadAt == null),
                work.GroupBy(i => i.Kind)
                    .Select(kind => new InboxLine(kind.Key, kind.Count(), kind.Count(i => i.ReadAt == null), kind.Max(i => i.CreatedAt),
                        kind.Key == InboxKind.Kudos ? [] : kind.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(RecentPerLine).ToList()))
                    .OrderByDescending(l => l.Latest).ThenBy(l => l.Kind).ToList()))
            .OrderByDescending(g => g.Latest).ThenByDescending(g => g.WorkId)
            .ToList();

    /// <summary>What the groups' lines name by id (<see cref="InboxNames"/>), for <see cref="InboxText.Of"/>.</summary>
    public static async Task<InboxNames> NamesAsync(ArchiveDbContext db, IReadOnlyList<InboxGroup> groups, CancellationToken ct)
    {
        List<long> SourcesOf(InboxKind kind) => groups.SelectMany(g => g.Lines).Where(l => l.Kind == kind).SelectMany(l => l.Recent).Select(i => i.SourceId).Distinct().ToList();
        var chapterIds = SourcesOf(InboxKind.NewChapter).Select(id => (int)id).ToList();
        var seriesIds = SourcesOf(InboxKind.NewSeriesPart).Select(id => (int)id).ToList();
        var searchIds = SourcesOf(InboxKind.SavedSearchMatch).Select(id => (int)id).ToList();
        var commentIds = SourcesOf(InboxKind.CommentOnMyWork).Concat(SourcesOf(InboxKind.ReplyToMyComment)).Select(id => (int)id).ToList();
        var workIds = groups.Select(g => g.WorkId).ToList();
        // A chapter's number counts the posted chapters before it, as the work page numbers them.
        var chapters = await db.Chapters.Where(c => chapterIds.Contains(c.Id) && !c.IsDraft)
            .Select(c => new { c.Id, c.Title, Number = db.Chapters.Count(o => o.WorkId == c.WorkId && !o.IsDraft && o.Position <= c.Position) })
            .ToDictionaryAsync(c => (long)c.Id, c => (c.Number, c.Title), ct);
        var series = await db.Series.Where(s => seriesIds.Contains(s.Id)).ToDictionaryAsync(s => (long)s.Id, s => s.Title, ct);
        var searches = await db.SavedSearches.Where(s => searchIds.Contains(s.Id)).ToDictionaryAsync(s => (long)s.Id, s => s.Name, ct);
        var creators = (await db.WorkCreators.Where(c => workIds.Contains(c.WorkId) && c.Accepted).OrderBy(c => c.Position)
                .Select(c => new { c.WorkId, c.Pseud.Name }).ToListAsync(ct))
            .GroupBy(c => c.WorkId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(c => c.Name).ToList());
        // Only published comments: one held again or deleted since is not listed.
        var comments = (await db.Comments.Where(c => commentIds.Contains(c.Id) && c.State == CommentState.Published)
                .Select(c => new { c.Id, c.ChapterId, Author = c.Pseud != null ? c.Pseud.Name : c.GuestName, c.Body }).ToListAsync(ct))
            .ToDictionary(c => (long)c.Id, c => new InboxComment(c.Id, c.ChapterId, c.Author ?? "A guest", Excerpt(c.Body)));
        return new InboxNames(chapters, series, searches, creators, comments);
    }

    public const int ExcerptLength = 140;

    private static string Excerpt(string html)
    {
        var text = string.Join(' ', Text.WordCounter.PlainText(html).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= ExcerptLength ? text : text[..ExcerptLength].TrimEnd() + "…";
    }

    /// <summary>The newest item's id, which the page's mark-read buttons carry (0 for an empty inbox).</summary>
    public static async Task<long> NewestIdAsync(ArchiveDbContext db, Viewer viewer, CancellationToken ct) =>
        await Shown(db, viewer).MaxAsync(i => (long?)i.Id, ct) ?? 0;

    /// <summary>
    /// Marks the unread items about the work read, up to the newest the reader was shown (<paramref name="upTo"/>), so
    /// one that arrived after the page was drawn stays unread; returns how many.
    /// </summary>
    public static Task<int> MarkReadAsync(ArchiveDbContext db, TimeProvider clock, int userId, int workId, long upTo, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.InboxItems.Where(i => i.RecipientUserId == userId && i.WorkId == workId && i.ReadAt == null && i.Id <= upTo)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ReadAt, now), ct);
    }

    public static Task<int> MarkAllReadAsync(ArchiveDbContext db, TimeProvider clock, int userId, long upTo, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.InboxItems.Where(i => i.RecipientUserId == userId && i.ReadAt == null && i.Id <= upTo)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ReadAt, now), ct);
    }
}
