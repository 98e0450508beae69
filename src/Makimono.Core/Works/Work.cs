using Makimono.Tags;

namespace Makimono.Works;

public class Work
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public string? Notes { get; set; }
    public string? EndNotes { get; set; }
    /// <summary>BCP 47 code such as "en" or "ja".</summary>
    public string Language { get; set; } = "en";
    /// <summary>Null means the author does not know yet ("3/?").</summary>
    public int? ExpectedChapters { get; set; }
    public bool IsComplete { get; set; }
    /// <summary>Shown as "Published"; authors may backdate it but not set it in the future.</summary>
    public DateOnly PublishedOn { get; set; }
    /// <summary>Shown as "Updated": the last time a chapter was posted or changed.</summary>
    public DateTime UpdatedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool IsDraft { get; set; } = true;
    /// <summary>
    /// When the work was posted (null for drafts, and for works posted before this was kept). Unlike
    /// <see cref="PublishedOn"/> it cannot be backdated, so it says whether the work is news to a subscriber.
    /// </summary>
    public DateTime? PostedAt { get; set; }
    /// <summary>Visible to logged-in users only.</summary>
    public bool IsRestricted { get; set; }
    /// <summary>Hidden by an admin: visible to its creators and admins only.</summary>
    public bool IsHidden { get; set; }
    /// <summary>Sum of the posted chapters' word counts, kept here so listings need no join.</summary>
    public int WordCount { get; set; }
    /// <summary>Number of posted chapters, kept here for the "x/y" in listings.</summary>
    public int PostedChapterCount { get; set; }
    /// <summary>
    /// Counts the saves of the work's metadata. The edit form carries the version it was loaded at, and a save is
    /// checked against it (and against the row, as a concurrency token), so a second editor never silently
    /// overwrites changes they have not seen.
    /// </summary>
    public int Version { get; set; }
    /// <summary>
    /// True when the work's fandoms have no common fandom (one that is, or is a meta tag of, every fandom of the work):
    /// AO3's "fandoms share no meta tag". Kept with the filter set, which knows the meta tags, so filters need no graph walk.
    /// </summary>
    public bool IsCrossover { get; set; }
    /// <summary>Reader figures that listings filter and sort on; the readers' side keeps them current.</summary>
    public int KudosCount { get; set; }
    public int HitCount { get; set; }
    public int CommentCount { get; set; }
    public int BookmarkCount { get; set; }
    /// <summary>Who may comment, chosen by the creators; logged-in users by default, as on AO3.</summary>
    public Responses.Comments.CommentPermission WhoMayComment { get; set; }
    /// <summary>When set, new comments wait for a creator's approval before anyone else sees them.</summary>
    public bool ModeratesComments { get; set; }

    public List<Chapter> Chapters { get; set; } = [];
    public List<WorkCreator> Creators { get; set; } = [];
    public List<WorkTag> Tags { get; set; } = [];
    /// <summary>The canonical tags this work is found under; derived from <see cref="Tags"/> and the wrangling graph.</summary>
    public List<WorkFilterTag> Filters { get; set; } = [];
    public List<SeriesWork> Series { get; set; } = [];
}

/// <summary>Credits a work to a pseud. Co-creators are invited and count only once they accept.</summary>
public class WorkCreator
{
    public int WorkId { get; set; }
    public Work Work { get; set; } = null!;
    public int PseudId { get; set; }
    public Accounts.Pseud Pseud { get; set; } = null!;
    public bool Accepted { get; set; }
    /// <summary>Keeps the byline in the order the creators were added.</summary>
    public int Position { get; set; }
}

public class WorkTag
{
    public int WorkId { get; set; }
    public Work Work { get; set; } = null!;
    public int TagId { get; set; }
    public Tag Tag { get; set; } = null!;
}
