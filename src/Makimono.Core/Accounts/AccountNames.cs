using System.Text.RegularExpressions;
using Makimono.Works;

namespace Makimono.Accounts;

public static partial class AccountNames
{
    public static string Normalize(string name) => name.Trim().ToUpperInvariant();

    /// <summary>User and pseud names appear in URLs, so they keep to letters, digits, "_" and "-".</summary>
    public static string? ValidateUserName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Choose a user name.";
        }
        if (name.Length is < 3 or > Limits.UserNameMax)
        {
            return $"User names are 3 to {Limits.UserNameMax} characters long.";
        }
        return NamePattern().IsMatch(name) ? null : "User names can contain only letters, digits, '_' and '-'.";
    }

    public static string? ValidatePseudName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Give the pseud a name.";
        }
        if (name.Length > Limits.PseudNameMax)
        {
            return $"Pseud names are at most {Limits.PseudNameMax} characters long.";
        }
        return PseudPattern().IsMatch(name) ? null : "Pseud names can contain only letters, digits, spaces, '_' and '-'.";
    }

    [GeneratedRegex(@"^[\p{L}\p{Nd}_-]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[\p{L}\p{Nd}_ -]+$")]
    private static partial Regex PseudPattern();
}
