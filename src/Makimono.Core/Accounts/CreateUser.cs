using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Accounts;

public sealed record CreateUserResult(User? User, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => User is not null;
}

/// <summary>Creates an account with its default pseud. Used by sign-up and by `makimono user add`.</summary>
public static class CreateUser
{
    /// <param name="email">
    /// Empty for none, which sign-up allows only while the archive sends no mail (the page decides); an address is
    /// stored unconfirmed, and must be one no other account has.
    /// </param>
    public static async Task<CreateUserResult> RunAsync(
        ArchiveDbContext db, TimeProvider clock, string userName, string? email, string password, bool isAdmin,
        CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        userName = userName.Trim();
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (AccountNames.ValidateUserName(userName) is { } nameError)
        {
            errors["UserName"] = nameError;
        }
        else if (await db.Users.AnyAsync(u => u.NormalizedUserName == AccountNames.Normalize(userName), ct))
        {
            errors["UserName"] = $"The user name \"{userName}\" is taken. Try another.";
        }
        else if (await ConfusableNames.FindClashAsync(db, userName, ownUserId: null, ct) is { } clash)
        {
            errors["UserName"] = clash;
        }
        if (email is not null && Mail.MailAddresses.Validate(email) is { } emailError)
        {
            errors["Email"] = emailError;
        }
        else if (email is not null && await EmailTakenAsync(db, email, ct))
        {
            errors["Email"] = EmailTaken;
        }
        if (Passwords.Validate(password) is { } passwordError)
        {
            errors["Password"] = passwordError;
        }
        if (errors.Count > 0)
        {
            return new CreateUserResult(null, errors);
        }

        var skeleton = ConfusableNames.Truncated(ConfusableNames.Skeleton(userName));
        var user = new User
        {
            UserName = userName,
            NormalizedUserName = AccountNames.Normalize(userName),
            NameSkeleton = skeleton,
            Email = email,
            NormalizedEmail = email is null ? null : Mail.MailAddresses.Normalize(email),
            PasswordHash = string.Empty,
            IsAdmin = isAdmin,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = Passwords.Hash(user, password);
        user.Pseuds.Add(new Pseud { Name = userName, NormalizedName = AccountNames.Normalize(userName), NameSkeleton = skeleton, IsDefault = true });
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone took the name or the address between the checks above and now; a unique index caught it.
            db.ChangeTracker.Clear();
            if (email is not null && await EmailTakenAsync(db, email, ct))
            {
                errors["Email"] = EmailTaken;
            }
            else
            {
                errors["UserName"] = $"The user name \"{userName}\" is taken. Try another.";
            }
            return new CreateUserResult(null, errors);
        }
        return new CreateUserResult(user, errors);
    }

    private const string EmailTaken = "Another account has this email address. Log in to it, or use \"Forgot password?\" on the login page.";

    private static Task<bool> EmailTakenAsync(ArchiveDbContext db, string email, CancellationToken ct)
    {
        var normalized = Mail.MailAddresses.Normalize(email);
        return db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct);
    }
}
