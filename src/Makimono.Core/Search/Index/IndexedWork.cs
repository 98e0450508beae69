namespace Makimono.Search.Index;

/// <summary>
/// What the index keeps of one work for filtering, sorting, counting and access: its facts from the database,
/// read by <see cref="IndexSource"/>. The text the full-text index needs is read separately (<see cref="WorkText"/>).
/// </summary>
public sealed record IndexedWork(
    int Id,
    bool IsDraft,
    bool IsHidden,
    bool IsRestricted,
    int[] CreatorUserIds,
    int[] PseudIds,
    int[] SeriesIds,
    bool IsComplete,
    bool IsSingleChapter,
    int PostedChapters,
    bool IsCrossover,
    string Language,
    int Words,
    int Kudos,
    int Hits,
    int Comments,
    int Bookmarks,
    DateOnly Posted,
    DateTime Updated,
    string Title,
    string CreatorName,
    int[] FilterTagIds);

/// <summary>The words of a work for the full-text index; tag names are its tags' and their filter tags' names, by type.</summary>
public sealed record WorkText(
    int Id,
    string Language,
    string Title,
    string? Summary,
    string? Notes,
    IReadOnlyList<string> Creators,
    IReadOnlyDictionary<Tags.TagType, List<string>> TagNames,
    IReadOnlyList<string> Chapters);
