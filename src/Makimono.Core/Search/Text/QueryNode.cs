namespace Makimono.Search.Text;

/// <summary>A parsed search query: what the words mean, before any index turns it into its own query.</summary>
public abstract record QueryNode;

/// <summary>A word, or with <paramref name="Prefix"/> every word that starts with it (<c>kaka*</c>). Field null: every text field.</summary>
public sealed record TermNode(string? Field, string Text, bool Prefix) : QueryNode;

/// <summary>Words in this order (<c>"a b"</c>), or within <paramref name="Slop"/> moves of it (<c>"a b"~5</c>).</summary>
public sealed record PhraseNode(string? Field, string Text, int Slop) : QueryNode;

/// <summary>A number field compared with a value: <c>words&gt;1000</c>, <c>kudos&gt;=50</c>.</summary>
public sealed record RangeNode(string Field, int? Min, int? Max) : QueryNode;

public sealed record AndNode(IReadOnlyList<QueryNode> Children) : QueryNode;

public sealed record OrNode(IReadOnlyList<QueryNode> Children) : QueryNode;

/// <summary>Everything except <paramref name="Child"/>, wherever it stands: <c>a OR NOT b</c> is a, or anything without b.</summary>
public sealed record NotNode(QueryNode Child) : QueryNode;

/// <summary>
/// A query that cannot be read. <see cref="Position"/> is the 0-based character where the problem is, and
/// <see cref="Suggestion"/> a corrected query the reader can run instead.
/// </summary>
public sealed class QueryTextException(string message, int position, string suggestion) : Exception(message)
{
    public int Position { get; } = position;
    public string Suggestion { get; } = suggestion;
}
