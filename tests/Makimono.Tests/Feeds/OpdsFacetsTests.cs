using Makimono.Feeds.Opds;

namespace Makimono.Tests.Feeds;

/// <summary>Facets read from an e-reader's query string: what is not understood narrows nothing, and each choice writes back the same.</summary>
public sealed class OpdsFacetsTests
{
    [Theory]
    [InlineData("5", "yes", "over-50000", "?rating=5&complete=yes&words=over-50000")]
    [InlineData("2", "no", "1000-10000", "?rating=2&complete=no&words=1000-10000")]
    [InlineData("99", "maybe", "huge", "")]
    [InlineData("-1", null, null, "")]
    [InlineData("abc", "", "under-1000", "?words=under-1000")]
    [InlineData(null, null, null, "")]
    public void Unknown_values_narrow_nothing_and_known_ones_round_trip(string? rating, string? complete, string? words, string query)
    {
        var facets = OpdsFacets.Parse(rating, complete, words);
        Assert.Equal(query, facets.Query());
        var again = OpdsFacets.Parse(Value(query, "rating"), Value(query, "complete"), Value(query, "words"));
        Assert.Equal(facets, again);
    }

    [Fact]
    public void The_page_and_search_terms_join_the_query()
    {
        Assert.Equal("?q=sea%20%26%20sky&rating=3&page=4", new OpdsFacets(RatingId: 3).Query(page: 4, searchTerms: "sea & sky"));
        Assert.Equal("", new OpdsFacets().Query(page: 1));
    }

    private static string? Value(string query, string key) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('='))
            .Where(p => p[0] == key).Select(p => p[1]).FirstOrDefault();
}
