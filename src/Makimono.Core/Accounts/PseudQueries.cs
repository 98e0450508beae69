using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Accounts;

public static class PseudQueries
{
    /// <summary>A user's pseuds, default first, as every pseud picker lists them.</summary>
    public static Task<List<Pseud>> OfUserAsync(ArchiveDbContext db, int userId, CancellationToken ct = default) =>
        db.Pseuds.Where(p => p.UserId == userId).OrderByDescending(p => p.IsDefault).ThenBy(p => p.Name).ToListAsync(ct);
}
