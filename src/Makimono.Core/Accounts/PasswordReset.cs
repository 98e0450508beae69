using System.Security.Cryptography;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Accounts;

/// <summary>
/// Setting a password without knowing the old one: by a mailed link, by an admin at /admin, or with
/// `makimono user reset-password`. Every session of the account ends, since whoever knew the old password may be in one.
/// </summary>
public static class PasswordReset
{
    // Letters and digits that cannot be mistaken for one another when read out or copied from a screen.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>The caller has checked <paramref name="password"/> with <see cref="Passwords.Validate"/>.</summary>
    public static async Task SetAsync(ArchiveDbContext db, int userId, string password, CancellationToken ct = default)
    {
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        user.PasswordHash = Passwords.Hash(user, password);
        await db.SaveChangesAsync(ct);
        await Sessions.EndAllAsync(db, userId, keepKey: null, ct);
        // A reset takes the account back: a move to another address asked for before it (perhaps by whoever had the
        // password) must not take it away again from that address's mailbox.
        await db.MailTokens.Where(t => t.UserId == userId && t.Purpose == Mail.MailTokenPurpose.ChangeAddress).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// A password for an admin to hand over: four groups of four (about 80 bits), which passes
    /// <see cref="Passwords.Validate"/> and which the person can change on their account page.
    /// </summary>
    public static string Generate() => string.Join('-', Enumerable.Range(0, 4).Select(_ =>
        new string(Enumerable.Range(0, 4).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray())));
}
