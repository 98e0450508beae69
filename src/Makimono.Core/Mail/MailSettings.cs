using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Mail;

/// <summary>A user's choice about inbox mail, kept in <see cref="MailState"/>.</summary>
public static class MailSettings
{
    public static async Task<bool> DigestsEnabledAsync(ArchiveDbContext db, int userId, CancellationToken ct = default) =>
        await db.MailStates.Where(s => s.UserId == userId).Select(s => (bool?)s.DigestsEnabled).FirstOrDefaultAsync(ct) ?? true;

    /// <summary>
    /// Turning digests back on starts from now: what arrived while they were off is in the inbox, and a mail about
    /// it all at once would be news to no one.
    /// </summary>
    public static async Task SetDigestsAsync(ArchiveDbContext db, TimeProvider clock, int userId, bool enabled, CancellationToken ct = default)
    {
        var state = await MailStateRows.GetOrCreateAsync(db, userId, ct);
        if (enabled && !state.DigestsEnabled)
        {
            state.MailedThrough = clock.GetUtcNow().UtcDateTime;
        }
        state.DigestsEnabled = enabled;
        await db.SaveChangesAsync(ct);
    }
}

internal static class MailStateRows
{
    /// <summary>The user's row, tracked, inserted with the defaults if missing (safely if another node inserts it too).</summary>
    public static async Task<MailState> GetOrCreateAsync(ArchiveDbContext db, int userId, CancellationToken ct)
    {
        if (await db.MailStates.FirstOrDefaultAsync(s => s.UserId == userId, ct) is { } existing)
        {
            return existing;
        }
        var created = new MailState { UserId = userId };
        db.MailStates.Add(created);
        try
        {
            await db.SaveChangesAsync(ct);
            return created;
        }
        catch (DbUpdateException)
        {
            // Inserted meanwhile by another request or node: the primary key refused the second row.
            db.Entry(created).State = EntityState.Detached;
            return await db.MailStates.FirstAsync(s => s.UserId == userId, ct);
        }
    }
}
