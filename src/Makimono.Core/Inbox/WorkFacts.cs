using Makimono.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Inbox;

/// <summary>What the worker needs to know of a work to tell anyone about it: when it was posted, and its access facts.</summary>
internal sealed record WorkFacts(int Id, DateTime? PostedAt, WorkAccessFacts Facts)
{
    public static async Task<Dictionary<int, WorkFacts>> LoadAsync(ArchiveDbContext db, IEnumerable<int> workIds, CancellationToken ct)
    {
        var ids = workIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await db.Works.AsNoTracking().Where(w => ids.Contains(w.Id))
            .Select(w => new
            {
                w.Id,
                w.PostedAt,
                w.IsDraft,
                w.IsHidden,
                w.IsRestricted,
                Creators = w.Creators.Where(c => c.Accepted).Select(c => c.Pseud.UserId).ToList(),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(w => w.Id, w => new WorkFacts(w.Id, w.PostedAt, new WorkAccessFacts(w.IsDraft, w.IsHidden, w.IsRestricted, w.Creators)));
    }
}
