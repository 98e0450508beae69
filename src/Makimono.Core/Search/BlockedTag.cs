using Makimono.Accounts;
using Makimono.Tags;

namespace Makimono.Search;

/// <summary>
/// A tag on a user's saved blocklist. Blocking works through the filter set, so blocking a canonical tag also
/// blocks its synonyms and sub tags.
/// </summary>
public class BlockedTag
{
    public int UserId { get; set; }
    public User User { get; set; } = null!;
    public int TagId { get; set; }
    public Tag Tag { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
}
