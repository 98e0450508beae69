using Makimono.Search.Text;

namespace Makimono.Tests.Search;

public sealed class QueryParserTests
{
    private static TermNode Word(string text, string? field = null) => new(field, text, false);

    private static string Show(QueryNode? node) => node switch
    {
        null => "(nothing)",
        TermNode t => (t.Field is null ? "" : t.Field + ":") + t.Text + (t.Prefix ? "*" : ""),
        PhraseNode p => (p.Field is null ? "" : p.Field + ":") + $"\"{p.Text}\"" + (p.Slop > 0 ? $"~{p.Slop}" : ""),
        RangeNode r => $"{r.Field}[{r.Min?.ToString() ?? "*"}..{r.Max?.ToString() ?? "*"}]",
        AndNode a => "AND(" + string.Join(", ", a.Children.Select(Show)) + ")",
        OrNode o => "OR(" + string.Join(", ", o.Children.Select(Show)) + ")",
        NotNode n => "NOT(" + Show(n.Child) + ")",
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    [Theory]
    [InlineData("kakashi iruka", "AND(kakashi, iruka)")]
    [InlineData("\"coffee shop\"", "\"coffee shop\"")]
    [InlineData("\"kakashi iruka\"~5", "\"kakashi iruka\"~5")]
    [InlineData("kaka*", "kaka*")]
    [InlineData("words>1000", "words[1001..*]")]
    [InlineData("kudos>=50", "kudos[50..*]")]
    [InlineData("words<=500", "words[*..500]")]
    [InlineData("words:1000-5000", "words[1000..5000]")]
    [InlineData("fandom:\"Naruto\"", "fandom:\"Naruto\"")]
    [InlineData("character:Kakashi", "character:Kakashi")]
    [InlineData("title:dragon summary:village creator:kiri", "AND(title:dragon, summary:village, creator:kiri)")]
    [InlineData("a AND b OR c", "OR(AND(a, b), c)")]
    [InlineData("(a OR b) c", "AND(OR(a, b), c)")]
    [InlineData("a OR (b AND NOT c)", "OR(a, AND(b, NOT(c)))")]
    // The OR-with-NOT cases AO3 gets wrong: each NOT stands for "everything without", also inside OR.
    [InlineData("a OR NOT b", "OR(a, NOT(b))")]
    [InlineData("NOT a OR b", "OR(NOT(a), b)")]
    [InlineData("a -b OR c", "OR(AND(a, NOT(b)), c)")]
    [InlineData("-a", "NOT(a)")]
    [InlineData("well-known", "well-known")]
    public void Reads_the_syntax(string query, string expected)
    {
        Assert.Equal(expected, Show(QueryParser.Parse(query)));
    }

    [Fact]
    public void An_empty_query_is_no_query()
    {
        Assert.Null(QueryParser.Parse("   "));
        Assert.Equal(Word("x"), QueryParser.Parse("x"));
    }

    [Theory]
    [InlineData("\"coffee shop", 0, "\"coffee shop\"", "never closed")]
    [InlineData("(a OR b", 0, "(a OR b)", "never closed")]
    [InlineData("a OR", 2, "a", "nothing after")]
    [InlineData("AND b", 0, "b", "nothing before")]
    [InlineData("a NOT", 2, "a", "nothing after")]
    [InlineData("a) b", 1, "a b", "closes no")]
    [InlineData("fandon:Naruto", 0, "fandom:Naruto", "not a field")]
    [InlineData("Re:Zero", 0, "\"Re:Zero\"", "not a field")]
    [InlineData("words>lots", 0, "words>0", "needs a number")]
    [InlineData("kaka*shi", 0, "kakashi*", "only ends a word")]
    [InlineData("\"a b\"~x", 5, "\"a b\"~5", "distance")]
    [InlineData("a () b", 2, "a b", "empty")]
    [InlineData("title:", 0, "", "needs a word")]
    [InlineData("((a OR", 4, "((a))", "nothing after")]
    [InlineData("a OR !!!", 5, "a", "no letters")]
    public void A_query_that_cannot_be_read_says_where_and_offers_a_query_that_runs(string query, int position, string suggestion, string message)
    {
        var error = Assert.Throws<QueryTextException>(() => QueryParser.Parse(query));

        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message);
        Assert.Equal(suggestion, error.Suggestion);
        _ = QueryParser.Parse(error.Suggestion);
    }

    [Theory]
    [InlineData(40, "(", ")")]
    [InlineData(40, "NOT ", "")]
    [InlineData(40, "-", "")]
    [InlineData(100_000, "(", ")")]
    [InlineData(100_000, "(", "")]
    [InlineData(100_000, "NOT ", "")]
    public void A_query_nested_too_deep_is_refused_with_a_flat_query_that_runs(int depth, string open, string close)
    {
        // Each level is a few frames of the recursive reader: unbounded, one request would overflow the stack and end the process.
        var query = string.Concat(Enumerable.Repeat(open, depth)) + "kakashi" + string.Concat(Enumerable.Repeat(close, depth));

        var error = Assert.Throws<QueryTextException>(() => QueryParser.Parse(query));

        Assert.Contains("nested", error.Message);
        Assert.InRange(error.Position, 0, query.Length - 1);
        Assert.Equal(Word("kakashi"), QueryParser.Parse(error.Suggestion));
    }

    [Fact]
    public void Nesting_up_to_the_limit_still_reads()
    {
        var query = string.Concat(Enumerable.Repeat("(", QueryParser.MaxNesting)) + "kakashi" + string.Concat(Enumerable.Repeat(")", QueryParser.MaxNesting));

        Assert.Equal(Word("kakashi"), QueryParser.Parse(query));
    }

    [Theory]
    [InlineData(" ")]
    [InlineData(" OR ")]
    [InlineData(" OR tags:")]
    public void A_query_of_more_words_than_the_index_takes_is_refused_with_its_first_words(string between)
    {
        // Lucene refuses a boolean query of more than 1,024 clauses, and every word searches up to ten fields.
        var query = string.Join(between, Enumerable.Range(0, 1500).Select(i => $"w{i}")).Trim();

        var error = Assert.Throws<QueryTextException>(() => QueryParser.Parse(query));

        Assert.Contains($"more than {QueryParser.MaxTerms} words", error.Message);
        var suggested = QueryParser.Parse(error.Suggestion);
        Assert.NotNull(suggested);
        Assert.StartsWith("w0", error.Suggestion.Replace("tags:", ""), StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_of_as_many_words_as_the_index_takes_still_reads()
    {
        var query = string.Join(" OR ", Enumerable.Range(0, QueryParser.MaxTerms).Select(i => $"w{i}"));

        Assert.Equal(QueryParser.MaxTerms, Assert.IsType<OrNode>(QueryParser.Parse(query)).Children.Count);
    }
}
