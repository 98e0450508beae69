using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Mail;

/// <summary>What following an address link did.</summary>
public enum AddressLinkOutcome
{
    /// <summary>The link was used already, expired, replaced by a newer one, or never existed.</summary>
    Invalid,
    Confirmed,
    Changed,
    /// <summary>Another account confirmed the address meanwhile; nothing changed.</summary>
    Taken,
}

/// <summary>
/// The account's mail: confirming an address, changing it, and resetting a forgotten password. Each sends a
/// single-use link (<see cref="MailTokens"/>) through the outbox; the link's page calls back in here.
/// </summary>
/// <remarks>
/// An address is used for nothing but its own confirmation until it is confirmed: no password reset and no inbox
/// digest goes to it, since anyone may type anyone's address at sign-up.
/// </remarks>
public static class AccountMail
{
    public static readonly MailTokenPurpose[] AddressPurposes = [MailTokenPurpose.ConfirmAddress, MailTokenPurpose.ChangeAddress];

    public const string ConfirmPath = "/email/confirm";
    public const string ResetPath = "/password/reset";

    /// <summary>Sends the user a link that confirms their current address; false when they have none or it is confirmed.</summary>
    public static async Task<bool> SendConfirmationAsync(
        ArchiveDbContext db, TimeProvider clock, MailOptions options, MailOutbox outbox, User user, CancellationToken ct = default)
    {
        if (user.Email is not { } address || user.EmailConfirmedAt is not null)
        {
            return false;
        }
        var token = await MailTokens.IssueAsync(db, clock, user.Id, MailTokenPurpose.ConfirmAddress, address, ct);
        return outbox.TryQueue(new MailBody()
            .Paragraph($"Hello {user.UserName},")
            .Paragraph($"Please confirm that {address} is your address on {SiteName(options)}. Until you do, the archive sends it nothing else: no inbox mail and no password resets.")
            .Link("Confirm your address", options.Link($"{ConfirmPath}?token={token}"))
            .Paragraph($"The link works for {Describe(MailTokens.Lifetime(MailTokenPurpose.ConfirmAddress))}. If you did not sign up, ignore this mail; nothing happens without the link.")
            .To(address, $"Confirm your address on {SiteName(options)}"));
    }

    /// <summary>
    /// Asks to move the account to <paramref name="newAddress"/>: a link goes to the new address, and nothing changes
    /// until it is followed. An address another account has gets a note instead, so the page says the same either
    /// way and tells no one whose address is whose.
    /// </summary>
    public static async Task RequestChangeAsync(
        ArchiveDbContext db, TimeProvider clock, MailOptions options, MailOutbox outbox, User user, string newAddress, CancellationToken ct = default)
    {
        newAddress = newAddress.Trim();
        var normalized = MailAddresses.Normalize(newAddress);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized && u.Id != user.Id, ct))
        {
            outbox.TryQueue(new MailBody()
                .Paragraph($"Someone asked to move an account on {SiteName(options)} to this address, which already belongs to another account there. Nothing was changed.")
                .Paragraph("If that was you, log in to the account this address belongs to, or use \"Forgot password?\" on the login page.")
                .To(newAddress, $"Your address on {SiteName(options)}"));
            return;
        }
        var token = await MailTokens.IssueAsync(db, clock, user.Id, MailTokenPurpose.ChangeAddress, newAddress, ct);
        outbox.TryQueue(new MailBody()
            .Paragraph($"Hello {user.UserName},")
            .Paragraph($"You asked to change your address on {SiteName(options)} to {newAddress}. Nothing changes until you follow this link:")
            .Link("Confirm your new address", options.Link($"{ConfirmPath}?token={token}"))
            .Paragraph($"The link works for {Describe(MailTokens.Lifetime(MailTokenPurpose.ChangeAddress))}. If you did not ask for this, ignore this mail.")
            .To(newAddress, $"Confirm your new address on {SiteName(options)}"));
    }

    /// <summary>
    /// Follows a confirmation or change link: once only, before it expires. A change tells the old address, so an
    /// account taken over this way does not go unnoticed.
    /// </summary>
    public static async Task<AddressLinkOutcome> FollowAddressLinkAsync(
        ArchiveDbContext db, TimeProvider clock, MailOptions options, MailOutbox outbox, string? token, CancellationToken ct = default)
    {
        var link = await MailTokens.FindUsableAsync(db, clock, token, AddressPurposes, ct);
        if (link is null)
        {
            return AddressLinkOutcome.Invalid;
        }
        var normalized = MailAddresses.Normalize(link.Email);
        if (link.Purpose == MailTokenPurpose.ConfirmAddress && link.User.NormalizedEmail != normalized)
        {
            // The address was changed after this link was sent: it confirms an address the account no longer has.
            return AddressLinkOutcome.Invalid;
        }
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized && u.Id != link.UserId, ct))
        {
            return AddressLinkOutcome.Taken;
        }
        if (!await MailTokens.RedeemAsync(db, clock, link, ct))
        {
            return AddressLinkOutcome.Invalid;
        }
        var user = await db.Users.FirstAsync(u => u.Id == link.UserId, ct);
        var oldAddress = user.Email;
        user.Email = link.Email;
        user.NormalizedEmail = normalized;
        user.EmailConfirmedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another account took the address between the check and the save; the unique index refused it.
            db.ChangeTracker.Clear();
            return AddressLinkOutcome.Taken;
        }
        if (link.Purpose == MailTokenPurpose.ConfirmAddress)
        {
            return AddressLinkOutcome.Confirmed;
        }
        // A reset link mailed to the old address would stay a key to the account in a mailbox it has left (often
        // the reason to move): it stops working with the move.
        await db.MailTokens.Where(t => t.UserId == user.Id && t.Purpose == MailTokenPurpose.ResetPassword).ExecuteDeleteAsync(ct);
        if (oldAddress is not null && MailAddresses.Normalize(oldAddress) != normalized)
        {
            outbox.TryQueue(new MailBody()
                .Paragraph($"Hello {user.UserName},")
                .Paragraph($"The address of your account on {SiteName(options)} was changed from {oldAddress} to {link.Email}, and mail now goes there.")
                .Paragraph("If you did not do this, someone else may be using your account: contact the archive's administrators.")
                .To(oldAddress, $"Your address on {SiteName(options)} was changed"));
        }
        return AddressLinkOutcome.Changed;
    }

    /// <summary>
    /// "Forgot password?": a reset link to the account with this confirmed address, if there is one. Nothing tells
    /// the caller whether there was, and the mail goes out after the answer (<see cref="MailOutbox"/>).
    /// </summary>
    public static async Task RequestPasswordResetAsync(
        ArchiveDbContext db, TimeProvider clock, MailOptions options, MailOutbox outbox, string address, CancellationToken ct = default)
    {
        var normalized = MailAddresses.Normalize(address);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized && u.EmailConfirmedAt != null, ct);
        if (user is null)
        {
            return;
        }
        var token = await MailTokens.IssueAsync(db, clock, user.Id, MailTokenPurpose.ResetPassword, user.Email!, ct);
        outbox.TryQueue(new MailBody()
            .Paragraph($"Hello {user.UserName},")
            .Paragraph($"Someone, we hope you, asked to reset your password on {SiteName(options)}. Your user name is {user.UserName}.")
            .Link("Choose a new password", options.Link($"{ResetPath}?token={token}"))
            .Paragraph($"The link works once, for {Describe(MailTokens.Lifetime(MailTokenPurpose.ResetPassword))}. If you did not ask for it, ignore this mail: your password stays as it is.")
            .To(user.Email!, $"Reset your password on {SiteName(options)}"));
    }

    /// <summary>
    /// Sets a new password with a reset link and ends every session of the account. The password is checked before
    /// the link is used up, so a refused password can be typed again with the same link.
    /// </summary>
    /// <returns>The problem with the password or the link, or null when the password was changed.</returns>
    public static async Task<string?> ResetPasswordAsync(
        ArchiveDbContext db, TimeProvider clock, string? token, string? newPassword, CancellationToken ct = default)
    {
        var link = await MailTokens.FindUsableAsync(db, clock, token, [MailTokenPurpose.ResetPassword], ct);
        if (link is null)
        {
            return InvalidLink;
        }
        if (Passwords.Validate(newPassword) is { } problem)
        {
            return problem;
        }
        if (!await MailTokens.RedeemAsync(db, clock, link, ct))
        {
            return InvalidLink;
        }
        await PasswordReset.SetAsync(db, link.UserId, newPassword!, ct);
        return null;
    }

    public const string InvalidLink = "This link has been used already, has expired, or was replaced by a newer one. Ask for a new one.";

    /// <summary>The archive's host name, which is how people know it in their mailbox.</summary>
    public static string SiteName(MailOptions options) => new Uri(options.BaseUrl!).Authority;

    public static string Describe(TimeSpan lifetime) =>
        lifetime.TotalHours < 24 ? Plural((int)lifetime.TotalHours, "hour") : Plural((int)lifetime.TotalDays, "day");

    private static string Plural(int count, string unit) => count == 1 ? $"one {unit}" : $"{count} {unit}s";
}
