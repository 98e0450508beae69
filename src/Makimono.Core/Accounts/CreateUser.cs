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
    public static async Task<CreateUserResult> RunAsync(
        ArchiveDbContext db, TimeProvider clock, string userName, string email, string password, bool isAdmin,
        CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        userName = userName.Trim();
        email = email.Trim();
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
        if (!email.Contains('@', StringComparison.Ordinal) || email.Length > 320)
        {
            errors["Email"] = "Enter an email address such as name@example.org.";
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
            // Someone took the name between the check above and now; the unique index caught it.
            db.ChangeTracker.Clear();
            errors["UserName"] = $"The user name \"{userName}\" is taken. Try another.";
            return new CreateUserResult(null, errors);
        }
        return new CreateUserResult(user, errors);
    }
}
