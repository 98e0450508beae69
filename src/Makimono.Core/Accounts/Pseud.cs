using Makimono.Works;

namespace Makimono.Accounts;

/// <summary>A pen name of a user. Each user has exactly one default pseud, named like the user at sign-up.</summary>
public class Pseud
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public User User { get; set; } = null!;
    public required string Name { get; set; }
    public required string NormalizedName { get; set; }
    /// <summary>The name's UTS #39 skeleton (see <see cref="ConfusableNames"/>): no pseud may look like another user's name.</summary>
    public string? NameSkeleton { get; set; }
    public string? Description { get; set; }
    public bool IsDefault { get; set; }
    public List<WorkCreator> Creatorships { get; set; } = [];
}
