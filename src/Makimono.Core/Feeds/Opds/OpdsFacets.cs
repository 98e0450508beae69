using System.Globalization;
using Makimono.Tags;
using Makimono.Works;

namespace Makimono.Feeds.Opds;

/// <summary>The word-count ranges a reader narrows an acquisition feed to.</summary>
public enum WordRange
{
    Under1000,
    From1000To10000,
    From10000To50000,
    Over50000,
}

/// <summary>
/// The facets of an acquisition feed (rating, complete, words), read from and written to its query string. Each one
/// narrows the works the feed already shows the viewer, so a count never includes a work the viewer may not see.
/// </summary>
public sealed record OpdsFacets(int? RatingId = null, bool? Complete = null, WordRange? Words = null)
{
    public static readonly IReadOnlyList<(WordRange Range, string Key, string Label)> WordRanges =
    [
        (WordRange.Under1000, "under-1000", "Under 1,000 words"),
        (WordRange.From1000To10000, "1000-10000", "1,000 to 10,000 words"),
        (WordRange.From10000To50000, "10000-50000", "10,000 to 50,000 words"),
        (WordRange.Over50000, "over-50000", "Over 50,000 words"),
    ];

    /// <summary>Reads the facets of a query string; an unknown value is null (no narrowing), never an error for a reader's app.</summary>
    public static OpdsFacets Parse(string? rating, string? complete, string? words) => new(
        int.TryParse(rating, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && FixedTags.Ratings.Any(r => r.Id == id) ? id : null,
        complete switch { "yes" => true, "no" => false, _ => null },
        WordRanges.Where(w => w.Key == words).Select(w => (WordRange?)w.Range).FirstOrDefault());

    public IQueryable<Work> Apply(IQueryable<Work> works)
    {
        if (RatingId is int ratingId)
        {
            works = works.Where(w => w.Tags.Any(t => t.TagId == ratingId));
        }
        if (Complete is bool complete)
        {
            works = works.Where(w => w.IsComplete == complete);
        }
        if (Words is WordRange range)
        {
            works = range switch
            {
                WordRange.Under1000 => works.Where(w => w.WordCount < 1000),
                WordRange.From1000To10000 => works.Where(w => w.WordCount >= 1000 && w.WordCount < 10000),
                WordRange.From10000To50000 => works.Where(w => w.WordCount >= 10000 && w.WordCount < 50000),
                _ => works.Where(w => w.WordCount >= 50000),
            };
        }
        return works;
    }

    /// <summary>The query string of these facets and a page, such as "?rating=2&amp;page=3", or "" for none.</summary>
    public string Query(int page = 1, string? searchTerms = null)
    {
        var parts = new List<string>();
        if (searchTerms is not null)
        {
            parts.Add("q=" + Uri.EscapeDataString(searchTerms));
        }
        if (RatingId is int ratingId)
        {
            parts.Add("rating=" + ratingId.ToString(CultureInfo.InvariantCulture));
        }
        if (Complete is bool complete)
        {
            parts.Add("complete=" + (complete ? "yes" : "no"));
        }
        if (Words is WordRange range)
        {
            parts.Add("words=" + WordRanges.First(w => w.Range == range).Key);
        }
        if (page > 1)
        {
            parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        }
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
