namespace Makimono.Accounts;

/// <summary>
/// A signed-in browser. The cookie carries a random key and only its SHA-256 is stored, so a copy of this table
/// lets no one sign in; deleting the row ends the session on every web node.
/// </summary>
public class UserSession
{
    public int Id { get; set; }
    /// <summary>Hex SHA-256 of the key in the cookie.</summary>
    public required string KeyHash { get; set; }
    public int UserId { get; set; }
    public User User { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
    /// <summary>Refreshed at most every few minutes, so reading a page does not write to the database each time.</summary>
    public DateTime LastSeenAt { get; set; }
    /// <summary>"Firefox on Linux" and the like, from the user agent, so people can tell their sessions apart.</summary>
    public required string Device { get; set; }
    public string? Address { get; set; }
}
