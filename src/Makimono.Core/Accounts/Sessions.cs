using System.Security.Cryptography;
using System.Text;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Accounts;

/// <summary>Starting, checking, listing and ending the server-side sessions behind the login cookie.</summary>
public static class Sessions
{
    /// <summary>A session unused this long has ended, as its cookie (which slides by as much) has expired.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    /// <summary>How stale "last seen" may get before a request writes it again.</summary>
    public static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(5);

    /// <summary>Records a new session and returns the key for the cookie (never stored as it is).</summary>
    public static async Task<string> StartAsync(
        ArchiveDbContext db, TimeProvider clock, int userId, string? userAgent, string? address, CancellationToken ct = default)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        // Sessions that lapsed without a log-out are cleared when their user next logs in, so the table stays small.
        var lapsed = now - Lifetime;
        await db.UserSessions.Where(s => s.UserId == userId && s.LastSeenAt <= lapsed).ExecuteDeleteAsync(ct);
        db.UserSessions.Add(new UserSession
        {
            KeyHash = Hash(key),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            Device = DeviceNames.Describe(userAgent),
            Address = address is { Length: <= 45 } ? address : null,
        });
        await db.SaveChangesAsync(ct);
        return key;
    }

    /// <summary>The live session with this key and its user, or null once it has been ended; notes that it was seen.</summary>
    public static async Task<UserSession?> FindAsync(ArchiveDbContext db, TimeProvider clock, string key, CancellationToken ct = default)
    {
        var hash = Hash(key);
        var session = await db.UserSessions.AsNoTracking().Include(s => s.User).FirstOrDefaultAsync(s => s.KeyHash == hash, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (session is null || now - session.LastSeenAt >= Lifetime)
        {
            return null;
        }
        if (now - session.LastSeenAt >= LastSeenPrecision)
        {
            // A plain UPDATE: the session may have been ended meanwhile, and that must not fail the request.
            await db.UserSessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
            session.LastSeenAt = now;
        }
        return session;
    }

    /// <summary>A user's live sessions, the most recently used first.</summary>
    public static Task<List<UserSession>> OfUserAsync(ArchiveDbContext db, TimeProvider clock, int userId, CancellationToken ct = default)
    {
        var lapsed = clock.GetUtcNow().UtcDateTime - Lifetime;
        return db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.LastSeenAt > lapsed)
            .OrderByDescending(s => s.LastSeenAt).ThenByDescending(s => s.Id).ToListAsync(ct);
    }

    public static async Task EndAsync(ArchiveDbContext db, string key, CancellationToken ct = default)
    {
        var hash = Hash(key);
        await db.UserSessions.Where(s => s.KeyHash == hash).ExecuteDeleteAsync(ct);
    }

    /// <summary>Ends one of the user's own sessions; false when it is not theirs or already ended.</summary>
    public static async Task<bool> EndOneAsync(ArchiveDbContext db, int userId, int sessionId, CancellationToken ct = default) =>
        await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId).ExecuteDeleteAsync(ct) > 0;

    /// <summary>Ends every session of the user except the one with <paramref name="keepKey"/>, if given.</summary>
    public static async Task EndAllAsync(ArchiveDbContext db, int userId, string? keepKey, CancellationToken ct = default)
    {
        var sessions = db.UserSessions.Where(s => s.UserId == userId);
        if (keepKey is not null)
        {
            var keep = Hash(keepKey);
            sessions = sessions.Where(s => s.KeyHash != keep);
        }
        await sessions.ExecuteDeleteAsync(ct);
    }

    public static bool IsKey(UserSession session, string? key) => key is not null && session.KeyHash == Hash(key);

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
