using Makimono.Accounts;

namespace Makimono.Responses.Blocking;

/// <summary>
/// A user's choice that another user may not respond to them: no kudos on, and no comments or replies to, the
/// blocker's works and comments (<see cref="Blocks"/> is the rule).
/// </summary>
public class UserBlock
{
    public int BlockerId { get; set; }
    public User Blocker { get; set; } = null!;
    public int BlockedId { get; set; }
    public User Blocked { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
}
