using Makimono.Accounts;

namespace Makimono.Search;

/// <summary>A user's choice to see nothing by another user: their works leave every listing and every count.</summary>
public class MutedUser
{
    public int UserId { get; set; }
    public User User { get; set; } = null!;
    public int MutedUserId { get; set; }
    public User Muted { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
}
