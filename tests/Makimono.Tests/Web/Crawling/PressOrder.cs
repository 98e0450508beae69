namespace Makimono.Tests.Web.Crawling;

/// <summary>Which buttons the crawler leaves until the rest are pressed, and in what order.</summary>
internal static class PressOrder
{
    public static bool IsDeferred(string key) => Rank(key) < int.MaxValue;

    /// <summary>
    /// Buttons that remove what other buttons are on, pressed after the rest and smallest first: a chapter before its
    /// work, the password change before the log-out that would hide it. Others are not deferred (int.MaxValue).
    /// </summary>
    public static int Rank(string key) =>
        DeferredLabels.FirstOrDefault(d => key.EndsWith($"\"{d.Label}\"", StringComparison.Ordinal)).Rank is var rank and > 0 ? rank : int.MaxValue;

    private static readonly (string Label, int Rank)[] DeferredLabels =
    [
        ("Decline", 1), ("Delete comment", 1), ("Delete search", 1), ("Yes, delete the chapter", 1), ("End session", 1), ("Yes, delete the work", 2), ("Change password", 3),
        ("Log in", 4), ("Create account", 4), ("Log out", LogOut), ("Log out here", LogOut), ("Log out everywhere", LogOut),
    ];

    public const int LogOut = 5;
}
