using Makimono.Tags;

namespace Makimono.Search;

/// <summary>How a listing is ordered. Every order ends with the work id as a stable tiebreak.</summary>
public enum WorkSort
{
    BestMatch,
    Creator,
    Title,
    DatePosted,
    DateUpdated,
    Words,
    Hits,
    Kudos,
    Comments,
    Bookmarks,
}

/// <summary>AO3's crossover filter: a crossover is a work whose fandoms share no meta tag.</summary>
public enum CrossoverFilter
{
    Include,
    Exclude,
    Only,
}

/// <summary>Whether a work is complete (posted chapters reach the expected count): any, complete only, or in progress only.</summary>
public enum CompletionFilter
{
    Any,
    Complete,
    InProgress,
}

/// <summary>An inclusive range; either end may be open.</summary>
public readonly record struct Range<T>(T? Min, T? Max) where T : struct;

/// <summary>
/// One listing's question, whoever answers it (the search index, or EF over the database): which works, in which
/// order, which page. Tag ids are filter tags: a canonical tag covers its synonyms and sub tags through the
/// work's precomputed filter set. Every listing (home, tag, user, pseud, series, bookmarks, search) is one of these.
/// </summary>
public sealed record WorkQuery
{
    /// <summary>Full-text query in the archive's syntax (phrases, AND/OR/NOT, fields such as <c>words&gt;1000</c>).</summary>
    public string? Text { get; init; }

    public IReadOnlyList<int> IncludeTagIds { get; init; } = [];
    public IReadOnlyList<int> ExcludeTagIds { get; init; } = [];

    public CrossoverFilter Crossovers { get; init; } = CrossoverFilter.Include;
    public CompletionFilter Completion { get; init; }

    /// <summary>
    /// <see cref="Completion"/> as the older yes-or-any switch, for callers that only ever ask for complete works
    /// (the benchmark's instances); setting it false means any.
    /// </summary>
    public bool CompleteOnly
    {
        get => Completion == CompletionFilter.Complete;
        init => Completion = value ? CompletionFilter.Complete : CompletionFilter.Any;
    }

    public bool SingleChapterOnly { get; init; }
    /// <summary>BCP 47 code as stored on the work, such as "en".</summary>
    public string? Language { get; init; }

    public Range<int> Words { get; init; }
    public Range<int> Kudos { get; init; }
    public Range<int> Hits { get; init; }
    public Range<int> Comments { get; init; }
    public Range<int> Bookmarks { get; init; }
    public Range<DateOnly> Posted { get; init; }
    public Range<DateOnly> Updated { get; init; }

    /// <summary>Scopes: a user's works, a pseud's works, a series' parts. Null means the whole archive.</summary>
    public int? CreatorUserId { get; init; }
    public int? CreatorPseudId { get; init; }
    public int? SeriesId { get; init; }
    /// <summary>
    /// Scope: only these works (a user's bookmarked works, a reader's history), which the page has already narrowed to
    /// what the viewer may see of its own rows; the filters and access rules still apply to the works. Null: no such scope.
    /// </summary>
    public IReadOnlyCollection<int>? WorkIds { get; init; }

    public WorkSort Sort { get; init; } = WorkSort.DateUpdated;
    public bool Descending { get; init; } = true;

    /// <summary>1-based page of <see cref="Search.WorkQuery.PageSize"/> works.</summary>
    public int Page { get; init; } = 1;

    /// <summary>
    /// How many works come before <see cref="Page"/>, capped so that it never overflows: any page from a typed or
    /// crafted address (page=1000000000) is past every result and simply empty.
    /// </summary>
    public int Offset => (int)Math.Min(((long)Math.Max(1, Page) - 1) * PageSize, int.MaxValue - PageSize);
    /// <summary>
    /// The opaque position after the last work of the previous page (search-after), so deep pages cost what page 1
    /// costs. When set, it wins over <see cref="Page"/>'s offset.
    /// </summary>
    public string? After { get; init; }

    /// <summary>Tag types whose top tags the sidebar shows; empty asks for no facet counts.</summary>
    public IReadOnlyList<TagType> FacetTypes { get; init; } = [];

    public const int PageSize = 20;
    public const int FacetSize = 10;
}

/// <summary>
/// What the viewer's own settings take out of every listing and every count: muted users' works and the
/// saved tag blocklist (filter tags, so a blocked canonical tag takes its synonyms and sub tags too).
/// </summary>
public sealed record ViewerFilters(IReadOnlySet<int> MutedUserIds, IReadOnlySet<int> BlockedTagIds)
{
    public static readonly ViewerFilters None = new(new HashSet<int>(), new HashSet<int>());
}

public sealed record FacetCount(int TagId, int Count);

/// <summary>
/// The answer: the page's work ids in order (blurbs are then loaded by id), the exact total, the facet counts
/// per tag type, the cursor for the next page, and how many works the viewer's muting and blocklist took out.
/// </summary>
public sealed record WorkQueryResult(
    IReadOnlyList<int> WorkIds,
    int Total,
    IReadOnlyDictionary<TagType, IReadOnlyList<FacetCount>> Facets,
    string? NextAfter,
    int HiddenByViewerFilters)
{
    /// <summary>For a full-text query: per work on the page, a highlighted passage and the chapter it is from.</summary>
    public IReadOnlyDictionary<int, SearchSnippet> Snippets { get; init; } = new Dictionary<int, SearchSnippet>();

    /// <summary>Set when <see cref="WorkQuery.Text"/> cannot be read: then nothing else is answered, and the page says why.</summary>
    public QueryTextError? TextError { get; init; }
}

/// <param name="Html">Escaped text with the matched words in &lt;mark&gt;, safe to render as is.</param>
public sealed record SearchSnippet(int ChapterId, string Html);

/// <summary>Why a query text cannot be read: the message, the 0-based position of the problem, and a query that runs.</summary>
public sealed record QueryTextError(string Message, int Position, string Suggestion);
