namespace Makimono.Works;

/// <summary>An ordered list of works; a work may belong to several series.</summary>
public class Series
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public int OwnerUserId { get; set; }
    public Accounts.User Owner { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
    public List<SeriesWork> Works { get; set; } = [];
}

public class SeriesWork
{
    public int SeriesId { get; set; }
    public Series Series { get; set; } = null!;
    public int WorkId { get; set; }
    public Work Work { get; set; } = null!;
    public int Position { get; set; }
    /// <summary>When the work joined the series (null before this was kept): a new part for the series' subscribers.</summary>
    public DateTime? AddedAt { get; set; }
}
