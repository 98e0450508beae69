namespace Makimono.Works;

public class Chapter
{
    public int Id { get; set; }
    public int WorkId { get; set; }
    public Work Work { get; set; } = null!;
    /// <summary>1-based order within the work; posted and draft chapters share one sequence.</summary>
    public int Position { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Notes { get; set; }
    public string? EndNotes { get; set; }
    /// <summary>Sanitized HTML, safe to render as is.</summary>
    public required string Body { get; set; }
    public int WordCount { get; set; }
    public bool IsDraft { get; set; }
    public DateOnly PublishedOn { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>When the chapter last went from draft to posted (null before subscriptions existed): news for subscribers after that moment.</summary>
    public DateTime? PostedAt { get; set; }
    /// <summary>Counts the saves of the chapter; see <see cref="Work.Version"/>.</summary>
    public int Version { get; set; }
}
