using Makimono.Accounts;

namespace Makimono.Search;

/// <summary>A filter state a user keeps, as the query string of its works search URL.</summary>
public class SavedSearch
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public User User { get; set; } = null!;
    public required string Name { get; set; }
    /// <summary>The search page's query string without the leading "?", e.g. "include=Naruto&amp;sort=kudos".</summary>
    public required string Query { get; set; }
    /// <summary>When the user last opened it; works posted since count as new.</summary>
    public DateTime LastViewedAt { get; set; }
    public DateTime CreatedAt { get; set; }

    public const int NameMax = 100;
    public const int QueryMax = 4000;
}
