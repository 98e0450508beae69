using Microsoft.AspNetCore.Identity;

namespace Makimono.Accounts;

/// <summary>ASP.NET Core Identity's PBKDF2 hasher, whose format carries its own version for later upgrades.</summary>
public static class Passwords
{
    private static readonly PasswordHasher<User> Hasher = new();

    public static string Hash(User user, string password) => Hasher.HashPassword(user, password);

    public static bool Verify(User user, string password) =>
        Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    public static string? Validate(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < Works.Limits.PasswordMin)
        {
            return $"Passwords are at least {Works.Limits.PasswordMin} characters long.";
        }
        return password.Length > 1000 ? "That password is too long." : null;
    }
}
