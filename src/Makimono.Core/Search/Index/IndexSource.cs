using Makimono.Database;
using Makimono.Tags;
using Makimono.Text;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Search.Index;

/// <summary>
/// Reads what the index holds from the database, for a range of work ids (a rebuild walks the ids in batches) or for
/// the ids the change log names. Works that no longer exist simply do not come back: the caller removes them.
/// </summary>
internal sealed class IndexSource(ArchiveDbContext db)
{
    /// <summary>Which works to read: ids in (<see cref="After"/>, <see cref="Through"/>], or exactly <see cref="Ids"/>.</summary>
    public sealed record Selection(int After, int Through, IReadOnlyCollection<int>? Ids)
    {
        public static Selection Range(int after, int through) => new(after, through, null);

        public static Selection Of(IReadOnlyCollection<int> ids) => new(0, 0, ids);
    }

    public async Task<List<(int Id, TagType Type)>> TagTypesAsync(CancellationToken ct) =>
        (await db.Tags.AsNoTracking().Select(t => new { t.Id, t.Type }).ToListAsync(ct)).Select(t => (t.Id, t.Type)).ToList();

    public async Task<int> MaxWorkIdAsync(CancellationToken ct) => await db.Works.MaxAsync(w => (int?)w.Id, ct) ?? 0;

    public async Task<List<IndexedWork>> WorksAsync(Selection which, CancellationToken ct)
    {
        var works = await Where(db.Works.AsNoTracking(), which).Select(w => new
        {
            w.Id, w.IsDraft, w.IsHidden, w.IsRestricted, w.IsComplete, SingleChapter = w.ExpectedChapters == 1, w.PostedChapterCount, w.IsCrossover, w.Language,
            w.WordCount, w.KudosCount, w.HitCount, w.CommentCount, w.BookmarkCount, w.PublishedOn, w.UpdatedAt, w.Title,
        }).ToListAsync(ct);
        if (works.Count == 0)
        {
            return [];
        }
        var creators = (await Where(db.WorkCreators.AsNoTracking().Where(c => c.Accepted), which)
            .Select(c => new { c.WorkId, c.PseudId, c.Pseud.UserId, c.Pseud.NormalizedName, c.Position }).ToListAsync(ct))
            .OrderBy(c => c.Position).ToLookup(c => c.WorkId);
        var filters = (await Where(db.WorkFilterTags.AsNoTracking(), which).Select(f => new { f.WorkId, f.TagId }).ToListAsync(ct))
            .ToLookup(f => f.WorkId, f => f.TagId);
        var series = (await Where(db.SeriesWorks.AsNoTracking(), which).Select(s => new { s.WorkId, s.SeriesId }).ToListAsync(ct))
            .ToLookup(s => s.WorkId, s => s.SeriesId);
        return works.Select(w => new IndexedWork(
            w.Id, w.IsDraft, w.IsHidden, w.IsRestricted,
            creators[w.Id].Select(c => c.UserId).Distinct().ToArray(),
            creators[w.Id].Select(c => c.PseudId).ToArray(),
            series[w.Id].ToArray(),
            w.IsComplete, w.SingleChapter, w.PostedChapterCount, w.IsCrossover, w.Language,
            w.WordCount, w.KudosCount, w.HitCount, w.CommentCount, w.BookmarkCount,
            w.PublishedOn, w.UpdatedAt, w.Title,
            creators[w.Id].Select(c => c.NormalizedName).FirstOrDefault() ?? "",
            filters[w.Id].Order().ToArray())).ToList();
    }

    /// <summary>The words of the works; chapter bodies only when <paramref name="bodies"/> (a metadata-only rebuild skips them).</summary>
    public async Task<Dictionary<int, WorkText>> TextsAsync(Selection which, bool bodies, CancellationToken ct)
    {
        var works = await Where(db.Works.AsNoTracking(), which)
            .Select(w => new { w.Id, w.Language, w.Title, w.Summary, w.Notes, w.EndNotes }).ToListAsync(ct);
        var creators = (await Where(db.WorkCreators.AsNoTracking().Where(c => c.Accepted), which)
            .Select(c => new { c.WorkId, c.Pseud.Name, c.Pseud.User.UserName }).ToListAsync(ct)).ToLookup(c => c.WorkId);
        var tags = (await Where(db.WorkTags.AsNoTracking(), which).Select(t => new { t.WorkId, t.Tag.Name, t.Tag.Type }).ToListAsync(ct))
            .Concat(await Where(db.WorkFilterTags.AsNoTracking(), which).Select(t => new { t.WorkId, t.Tag.Name, t.Tag.Type }).ToListAsync(ct))
            .ToLookup(t => t.WorkId);
        var chapters = bodies
            ? (await Where(db.Chapters.AsNoTracking().Where(c => !c.IsDraft), which)
                .Select(c => new { c.WorkId, c.Position, c.Body }).ToListAsync(ct))
                .OrderBy(c => c.Position).ToLookup(c => c.WorkId, c => WordCounter.PlainText(c.Body))
            : null;
        return works.ToDictionary(w => w.Id, w => new WorkText(
            w.Id, w.Language, w.Title, w.Summary,
            string.Join("\n", new[] { w.Notes, w.EndNotes }.Where(n => n is not null)) is { Length: > 0 } notes ? notes : null,
            creators[w.Id].SelectMany(c => new[] { c.Name, c.UserName }).Distinct().ToList(),
            tags[w.Id].GroupBy(t => t.Type).ToDictionary(g => g.Key, g => g.Select(t => t.Name).Distinct().ToList()),
            chapters?[w.Id].ToList() ?? []));
    }

    private static IQueryable<Works.Work> Where(IQueryable<Works.Work> q, Selection s) =>
        s.Ids is { } ids ? q.Where(w => ids.Contains(w.Id)) : q.Where(w => w.Id > s.After && w.Id <= s.Through);

    private static IQueryable<Works.WorkCreator> Where(IQueryable<Works.WorkCreator> q, Selection s) =>
        s.Ids is { } ids ? q.Where(w => ids.Contains(w.WorkId)) : q.Where(w => w.WorkId > s.After && w.WorkId <= s.Through);

    private static IQueryable<WorkFilterTag> Where(IQueryable<WorkFilterTag> q, Selection s) =>
        s.Ids is { } ids ? q.Where(w => ids.Contains(w.WorkId)) : q.Where(w => w.WorkId > s.After && w.WorkId <= s.Through);

    private static IQueryable<Works.WorkTag> Where(IQueryable<Works.WorkTag> q, Selection s) =>
        s.Ids is { } ids ? q.Where(w => ids.Contains(w.WorkId)) : q.Where(w => w.WorkId > s.After && w.WorkId <= s.Through);

    private static IQueryable<Works.SeriesWork> Where(IQueryable<Works.SeriesWork> q, Selection s) =>
        s.Ids is { } ids ? q.Where(w => ids.Contains(w.WorkId)) : q.Where(w => w.WorkId > s.After && w.WorkId <= s.Through);

    private static IQueryable<Works.Chapter> Where(IQueryable<Works.Chapter> q, Selection s) =>
        s.Ids is { } ids ? q.Where(w => ids.Contains(w.WorkId)) : q.Where(w => w.WorkId > s.After && w.WorkId <= s.Through);
}
