using System.Security.Cryptography;
using System.Text;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Accounts;

/// <summary>Creating, listing, revoking and checking app passwords (see <see cref="AppPassword"/>).</summary>
public static class AppPasswords
{
    public const int LabelMax = 100;

    /// <summary>How stale "last used" may get before a feed request writes it again, as for sessions.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(5);

    // Letters and digits a person can copy from the screen into an e-reader without mistaking one for another.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private const int GroupCount = 5;
    private const int GroupLength = 4;

    public sealed record Created(AppPassword Record, string Password);

    /// <summary>A new app password; the plain text is returned once and never stored.</summary>
    public static async Task<Created> CreateAsync(ArchiveDbContext db, TimeProvider clock, int userId, string label, CancellationToken ct = default)
    {
        var password = NewPassword();
        var record = new AppPassword
        {
            UserId = userId,
            Label = label,
            Hash = Hash(password),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AppPasswords.Add(record);
        await db.SaveChangesAsync(ct);
        return new Created(record, password);
    }

    /// <summary>The label's problem, or null when it will do.</summary>
    public static string? ValidateLabel(string? label) =>
        string.IsNullOrWhiteSpace(label) ? "Name the app password after the device or app that will use it."
        : label.Trim().Length > LabelMax ? $"A name is at most {LabelMax} characters."
        : null;

    public static Task<List<AppPassword>> OfUserAsync(ArchiveDbContext db, int userId, CancellationToken ct = default) =>
        db.AppPasswords.AsNoTracking().Where(p => p.UserId == userId).OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).ToListAsync(ct);

    /// <summary>Revokes one of the user's own app passwords; false when it is not theirs or already gone.</summary>
    public static async Task<bool> RevokeAsync(ArchiveDbContext db, int userId, int id, CancellationToken ct = default) =>
        await db.AppPasswords.Where(p => p.Id == id && p.UserId == userId).ExecuteDeleteAsync(ct) > 0;

    /// <summary>
    /// The user whose name and app password these are, or null. The account password is never accepted here, so a
    /// reader's device cannot be used to log in, change the password or post.
    /// </summary>
    public static async Task<User?> VerifyAsync(ArchiveDbContext db, TimeProvider clock, string userName, string password, CancellationToken ct = default)
    {
        if (password.Length > 200 || userName.Length > 200)
        {
            return null;
        }
        var hash = Hash(password);
        var normalized = AccountNames.Normalize(userName);
        var found = await db.AppPasswords.AsNoTracking().Include(p => p.User)
            .FirstOrDefaultAsync(p => p.Hash == hash && p.User.NormalizedUserName == normalized, ct);
        if (found is null)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (found.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUsedPrecision)
        {
            await db.AppPasswords.Where(p => p.Id == found.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.LastUsedAt, now), ct);
        }
        return found.User;
    }

    private static string NewPassword()
    {
        var builder = new StringBuilder(GroupCount * (GroupLength + 1));
        for (var group = 0; group < GroupCount; group++)
        {
            if (group > 0)
            {
                builder.Append('-');
            }
            for (var i = 0; i < GroupLength; i++)
            {
                builder.Append(Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]);
            }
        }
        return builder.ToString();
    }

    private static string Hash(string password) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
}
