using System.Collections.Frozen;
using System.IO.Compression;
using Microsoft.AspNetCore.Identity;

namespace Makimono.Accounts;

/// <summary>
/// ASP.NET Core Identity's PBKDF2 hasher, whose format carries its own version for later upgrades, and the one rule
/// for a new password (sign-up, password change and `makimono user add` all ask <see cref="Validate"/>).
/// </summary>
/// <remarks>
/// The floor is 8 characters, as NIST SP 800-63B sets for passwords people choose, rather than AO3's 6: the archive
/// is open to anyone who signs up, and a list check catches the common long passwords the floor lets through.
/// The list (CommonPasswords.txt.gz) is zxcvbn's, made by scripts/generate-common-passwords.
/// </remarks>
public static class Passwords
{
    private static readonly PasswordHasher<User> Hasher = new();

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommon);

    public static string Hash(User user, string password) => Hasher.HashPassword(user, password);

    public static bool Verify(User user, string password) =>
        Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    public static int CommonCount => Common.Value.Count;

    public static string? Validate(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < Works.Limits.PasswordMin)
        {
            return $"Passwords are at least {Works.Limits.PasswordMin} characters long.";
        }
        if (password.Length > 1000)
        {
            return "That password is too long.";
        }
        return Common.Value.Contains(password.ToLowerInvariant())
            ? "That password is one of the most common ones, which are the first that anyone guessing passwords tries. Choose another, such as a few unrelated words."
            : null;
    }

    private static FrozenSet<string> LoadCommon()
    {
        using var stream = typeof(Passwords).Assembly.GetManifestResourceStream("Makimono.Accounts.CommonPasswords.txt.gz")
            ?? throw new InvalidOperationException("CommonPasswords.txt.gz is not embedded in Makimono.Core.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            header = header && line.StartsWith('#');
            if (!header && line.Length > 0)
            {
                passwords.Add(line);
            }
        }
        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
