using System.Security.Cryptography;
using System.Text;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Mail;

/// <summary>Issuing and redeeming the single-use links in <see cref="MailToken"/>.</summary>
public static class MailTokens
{
    /// <summary>
    /// How long a link works. A reset link is a key to the account lying in a mailbox, so it lives an hour; an
    /// address can wait for its owner a few days (confirmation) or a day (a change the person just asked for).
    /// </summary>
    public static TimeSpan Lifetime(MailTokenPurpose purpose) => purpose switch
    {
        MailTokenPurpose.ResetPassword => TimeSpan.FromHours(1),
        MailTokenPurpose.ChangeAddress => TimeSpan.FromHours(24),
        _ => TimeSpan.FromDays(3),
    };

    /// <summary>
    /// A new link for the user and purpose; the user's earlier unused links for that purpose stop working, so only
    /// the newest mail counts. Returns the token for the link, which is never stored as it is.
    /// </summary>
    public static async Task<string> IssueAsync(
        ArchiveDbContext db, TimeProvider clock, int userId, MailTokenPurpose purpose, string email, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Old links of any purpose that can no longer be used go too, so the table holds only live links.
        await db.MailTokens.Where(t => t.UserId == userId && (t.Purpose == purpose || t.UsedAt != null || t.ExpiresAt <= now))
            .ExecuteDeleteAsync(ct);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.MailTokens.Add(new MailToken
        {
            UserId = userId,
            Purpose = purpose,
            TokenHash = Hash(token),
            Email = email.Trim(),
            CreatedAt = now,
            ExpiresAt = now + Lifetime(purpose),
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>The unused, unexpired link with this token, if it is for one of <paramref name="purposes"/>; null otherwise.</summary>
    public static async Task<MailToken?> FindUsableAsync(
        ArchiveDbContext db, TimeProvider clock, string? token, IReadOnlyCollection<MailTokenPurpose> purposes, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.MailTokens.AsNoTracking().Include(t => t.User)
            .FirstOrDefaultAsync(t => t.TokenHash == hash && t.UsedAt == null && t.ExpiresAt > now, ct);
        return found is not null && purposes.Contains(found.Purpose) ? found : null;
    }

    /// <summary>
    /// Marks the link used; true for exactly one caller, however many follow it at once (two clicks, two web nodes),
    /// and never after it expired.
    /// </summary>
    public static async Task<bool> RedeemAsync(ArchiveDbContext db, TimeProvider clock, MailToken token, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.MailTokens.Where(t => t.Id == token.Id && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now), ct) == 1;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
