using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Accounts;

/// <summary>
/// Slows password guessing against one account from many addresses, which the per-address limit does not. Failures
/// are rows in the database, so every web node sees the same count; a row per failure (rather than a counter on the
/// user) lets names without an account be counted the same way and makes the window a sliding one without a
/// read-modify-write race between nodes.
/// </summary>
public static class LoginThrottle
{
    /// <summary>Null, or the time from which <paramref name="userName"/> may try again.</summary>
    public static async Task<DateTime?> RefusedUntilAsync(
        ArchiveDbContext db, TimeProvider clock, string userName, int maxFailures, TimeSpan window, CancellationToken ct = default)
    {
        var normalized = Key(userName);
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - window;
        var times = await db.LoginFailures
            .Where(f => f.NormalizedUserName == normalized && f.FailedAt > since)
            .OrderByDescending(f => f.FailedAt).Select(f => f.FailedAt).Take(maxFailures).ToListAsync(ct);
        // The oldest of the last maxFailures failures leaves the window first, and with it the refusal.
        return times.Count < maxFailures ? null : times[^1] + window;
    }

    /// <summary>Counts a wrong password, and forgets failures older than the window (for every name, so none pile up).</summary>
    public static async Task RecordFailureAsync(
        ArchiveDbContext db, TimeProvider clock, string userName, TimeSpan window, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now - window;
        await db.LoginFailures.Where(f => f.FailedAt <= expired).ExecuteDeleteAsync(ct);
        db.LoginFailures.Add(new LoginFailure { NormalizedUserName = Key(userName), FailedAt = now });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// After the right password: this name's failures are forgotten, so its owner's typos do not add up across days.
    /// Only this name's rows go, so no one else's count changes.
    /// </summary>
    public static Task ForgetFailuresAsync(ArchiveDbContext db, string userName, CancellationToken ct = default)
    {
        var normalized = Key(userName);
        return db.LoginFailures.Where(f => f.NormalizedUserName == normalized).ExecuteDeleteAsync(ct);
    }

    /// <summary>No account's name is longer than the column, so a longer typed name is cut to fit and still counted.</summary>
    private static string Key(string userName)
    {
        var normalized = AccountNames.Normalize(userName);
        return normalized.Length <= Works.Limits.UserNameMax ? normalized : normalized[..Works.Limits.UserNameMax];
    }

    /// <summary>The refusal, in words that say when to try again and not whether the account exists.</summary>
    public static string Message(DateTime until, DateTime now)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling((until - now).TotalMinutes));
        return $"Too many wrong passwords for this user name. Logging in with it is paused; try again in {minutes} minute{(minutes == 1 ? "" : "s")} (at {until:HH:mm} UTC).";
    }
}
