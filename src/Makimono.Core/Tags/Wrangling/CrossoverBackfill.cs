using Makimono.Accounts;
using Makimono.Changes;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tags.Wrangling;

/// <summary>
/// Works saved before the crossover flag existed have it unset until they are saved or wrangled again. Once per
/// archive, after migrating, this sets it on every work with two or more fandoms by the same rule as saving
/// (<see cref="WorkFilters.IsCrossover"/>), logs each work it changes so the search index follows, and notes that it
/// ran (a <see cref="SiteSetting"/>). Batches commit one by one; a second node running it at once does the same work.
/// </summary>
public static class CrossoverBackfill
{
    internal const string DoneKey = "Backfill.IsCrossover";
    private const int BatchSize = 500;

    /// <summary>Returns how many works' flags it changed (0 when it had already run).</summary>
    public static async Task<int> RunOnceAsync(ArchiveDbContext db, CancellationToken ct = default)
    {
        if (await db.SiteSettings.AnyAsync(s => s.Key == DoneKey, ct))
        {
            return 0;
        }
        var candidates = await db.Works
            .Where(w => w.IsCrossover || w.Tags.Count(t => t.Tag.Type == TagType.Fandom) >= 2)
            .OrderBy(w => w.Id).Select(w => w.Id).ToListAsync(ct);
        var changed = 0;
        foreach (var batch in candidates.Chunk(BatchSize))
        {
            var fandoms = (await db.WorkTags.Where(wt => batch.Contains(wt.WorkId) && wt.Tag.Type == TagType.Fandom)
                .Select(wt => new { wt.WorkId, Root = wt.Tag.MergerId ?? wt.TagId }).ToListAsync(ct))
                .ToLookup(f => f.WorkId, f => f.Root);
            var metas = await WorkFilters.MetaTagsOfAsync(db, fandoms.SelectMany(f => f).ToHashSet(), ct);
            var crossovers = batch.Where(id => WorkFilters.IsCrossover(fandoms[id].Select(root => WorkFilters.Closure(root, metas)).ToList())).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var flipped = await db.Works.Where(w => batch.Contains(w.Id) && w.IsCrossover != crossovers.Contains(w.Id))
                .Select(w => w.Id).ToListAsync(ct);
            if (flipped.Count > 0)
            {
                // Set directly, as wrangling does (the Version guards editors), and logged by hand for the same reason.
                await db.Works.Where(w => flipped.Contains(w.Id))
                    .ExecuteUpdateAsync(u => u.SetProperty(w => w.IsCrossover, w => crossovers.Contains(w.Id)), ct);
                db.ArchiveChanges.AddRange(flipped.Select(id => new ArchiveChange { WorkId = id }));
                await db.SaveChangesAsync(ct);
                changed += flipped.Count;
            }
            await transaction.CommitAsync(ct);
        }
        db.SiteSettings.Add(new SiteSetting { Key = DoneKey, Value = "1" });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // Another node finished it at the same time (the key is unique); anything else fails the next check too.
            db.ChangeTracker.Clear();
            if (!await db.SiteSettings.AsNoTracking().AnyAsync(s => s.Key == DoneKey, ct))
            {
                throw;
            }
        }
        return changed;
    }
}
