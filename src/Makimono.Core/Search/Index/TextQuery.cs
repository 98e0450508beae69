using Lucene.Net.Index;
using Lucene.Net.Search;
using Makimono.Search.Text;

namespace Makimono.Search.Index;

/// <summary>Turns a parsed query (<see cref="QueryNode"/>) into a Lucene query over the work documents of <see cref="TextIndex"/>.</summary>
internal static class TextQuery
{
    public static Query From(QueryNode node) => node switch
    {
        TermNode term => Fields(term.Field).Select(f => Term(f, term)).Aggregate(Any),
        PhraseNode phrase => Fields(phrase.Field).Select(f => Phrase(f, phrase.Text, phrase.Slop)).Aggregate(Any),
        RangeNode range => NumericRangeQuery.NewInt32Range(range.Field, range.Min, range.Max, true, true),
        AndNode and => And(and.Children),
        OrNode or => or.Children.Select(c => c is NotNode not ? Without(not.Child) : From(c)).Aggregate(Any),
        NotNode not => Without(not.Child),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static IEnumerable<string> Fields(string? field) => field switch
    {
        null => QueryFields.Default,
        QueryFields.TagsField => QueryFields.TagFields,
        _ => [field],
    };

    /// <summary>Everything but <paramref name="child"/>: a NOT stands for itself even inside OR.</summary>
    private static BooleanQuery Without(QueryNode child) => new BooleanQuery
    {
        { new MatchAllDocsQuery(), Occur.MUST },
        { From(child), Occur.MUST_NOT },
    };

    private static BooleanQuery And(IReadOnlyList<QueryNode> children)
    {
        var query = new BooleanQuery();
        foreach (var child in children)
        {
            query.Add(child is NotNode not ? From(not.Child) : From(child), child is NotNode ? Occur.MUST_NOT : Occur.MUST);
        }
        if (children.All(c => c is NotNode))
        {
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return query;
    }

    private static Query Any(Query a, Query b)
    {
        if (a is BooleanQuery { MinimumNumberShouldMatch: 0 } existing && existing.Clauses.All(c => c.Occur == Occur.SHOULD) && existing.Clauses.Count > 0)
        {
            existing.Add(b, Occur.SHOULD);
            return existing;
        }
        return new BooleanQuery { { a, Occur.SHOULD }, { b, Occur.SHOULD } };
    }

    private static Query Term(string field, TermNode term)
    {
        if (term.Prefix)
        {
            return new PrefixQuery(new Term(field, term.Text.ToLowerInvariant()));
        }
        return Phrase(field, term.Text, 0);
    }

    /// <summary>The words as the field's analyser reads them; one word is a term query, several are a phrase.</summary>
    private static Query Phrase(string field, string text, int slop)
    {
        var terms = TextAnalysis.Terms(TextAnalysis.ForQueryText(text), field, text);
        if (terms.Count == 1)
        {
            return new TermQuery(new Term(field, terms[0].Term));
        }
        var phrase = new PhraseQuery { Slop = slop };
        foreach (var (word, position) in terms)
        {
            phrase.Add(new Term(field, word), position);
        }
        return phrase;
    }
}
