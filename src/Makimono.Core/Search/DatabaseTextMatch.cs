using System.Linq.Expressions;
using Makimono.Search.Text;
using Makimono.Tags;
using Makimono.Works;

namespace Makimono.Search;

/// <summary>
/// The database's reading of a search text (<see cref="WorkQuery.Text"/>): the same syntax as the index
/// (<see cref="QueryParser"/>: AND, OR, NOT, phrases, <c>fandom:"X"</c>, <c>words&gt;1000</c>), each word or phrase
/// matched as a case-insensitive substring (SQL LIKE) of the fields the index searches: title, summary, notes,
/// creators and the names of the work's tags by type, its filter tags (canonical and meta tags) included.
/// </summary>
/// <remarks>
/// Where it still differs from the index: no stemming ("lighthouses" does not find "lighthouse", though "lighthouse"
/// finds "lighthouses" as a substring, and "art" finds "heart"); a phrase with slop (<c>"a b"~5</c>) needs each word
/// somewhere in the same field; a bare word does not search chapter text (only <c>text:</c> or <c>body:</c> does,
/// over the stored HTML, markup included), so that the fallback stays affordable; on SQLite only ASCII letters
/// compare case-insensitively.
/// </remarks>
internal static class DatabaseTextMatch
{
    /// <summary>The fields a bare word searches on the database: the index's, without chapter text.</summary>
    private static readonly string[] DefaultFields = ["title", "summary", "notes", "creator", QueryFields.TagsField];

    public static Expression<Func<Work, bool>> Of(QueryNode node) => node switch
    {
        TermNode term => AnyField(term.Field, term.Text),
        PhraseNode { Slop: 0 } phrase => AnyField(phrase.Field, phrase.Text),
        PhraseNode phrase => AnyFieldAllWords(phrase.Field, phrase.Text),
        RangeNode range => InRange(range),
        AndNode and => and.Children.Select(Of).Join(Expression.AndAlso),
        OrNode or => or.Children.Select(Of).Join(Expression.OrElse),
        NotNode not => Negate(Of(not.Child)),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static string[] FieldsOf(string? field) => field is null ? DefaultFields : [field];

    private static Expression<Func<Work, bool>> AnyField(string? field, string text)
    {
        var needle = Needle(text);
        return FieldsOf(field).Select(f => InField(f, needle)).Join(Expression.OrElse);
    }

    private static Expression<Func<Work, bool>> AnyFieldAllWords(string? field, string text) =>
        FieldsOf(field).Select(f => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => InField(f, Needle(word))).Join(Expression.AndAlso)).Join(Expression.OrElse);

    private static string Needle(string text) => string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // ToLower on both sides is what both databases translate; the string.Contains overloads with a comparison are not.
#pragma warning disable CA1862
    private static Expression<Func<Work, bool>> InField(string field, string n) => field switch
    {
        "title" => w => w.Title.ToLower().Contains(n),
        "summary" => w => w.Summary != null && w.Summary.ToLower().Contains(n),
        "notes" => w => (w.Notes != null && w.Notes.ToLower().Contains(n)) || (w.EndNotes != null && w.EndNotes.ToLower().Contains(n)),
        "creator" => w => w.Creators.Any(c => c.Accepted && (c.Pseud.Name.ToLower().Contains(n) || c.Pseud.User.UserName.ToLower().Contains(n))),
        "body" => w => w.Chapters.Any(c => !c.IsDraft && c.Body.ToLower().Contains(n)),
        _ => TagNamed(TagTypesOf(field), n),
    };

    /// <summary>A tag of these types on the work, as typed or as a filter tag (its canonical tag and their meta tags), whose name holds the needle.</summary>
    private static Expression<Func<Work, bool>> TagNamed(List<TagType> types, string n) =>
        w => w.Tags.Any(t => types.Contains(t.Tag.Type) && t.Tag.Name.ToLower().Contains(n))
            || w.Filters.Any(f => types.Contains(f.Tag.Type) && f.Tag.Name.ToLower().Contains(n));
#pragma warning restore CA1862

    /// <summary>The tag types whose names an index tag field holds (<see cref="QueryFields.ForTagType"/>; "tags" holds the rest).</summary>
    private static List<TagType> TagTypesOf(string field) => Enum.GetValues<TagType>()
        .Where(type => field == QueryFields.TagsField || (QueryFields.ForTagType(type) ?? "tags") == field)
        .ToList();

    private static Expression<Func<Work, bool>> InRange(RangeNode range)
    {
        Expression<Func<Work, int>> value = range.Field switch
        {
            "words" => w => w.WordCount,
            "kudos" => w => w.KudosCount,
            "hits" => w => w.HitCount,
            "comments" => w => w.CommentCount,
            "bookmarks" => w => w.BookmarkCount,
            "chapters" => w => w.PostedChapterCount,
            _ => throw new ArgumentOutOfRangeException(nameof(range), range.Field, "not a number field"),
        };
        Expression body = Expression.Constant(true);
        if (range.Min is int min)
        {
            body = Expression.GreaterThanOrEqual(value.Body, Expression.Constant(min));
        }
        if (range.Max is int max)
        {
            var atMost = Expression.LessThanOrEqual(value.Body, Expression.Constant(max));
            body = range.Min is null ? atMost : Expression.AndAlso(body, atMost);
        }
        return Expression.Lambda<Func<Work, bool>>(body, value.Parameters);
    }

    private static Expression<Func<Work, bool>> Negate(Expression<Func<Work, bool>> e) =>
        Expression.Lambda<Func<Work, bool>>(Expression.Not(e.Body), e.Parameters);

    private static Expression<Func<Work, bool>> Join(this IEnumerable<Expression<Func<Work, bool>>> parts,
        Func<Expression, Expression, BinaryExpression> join) =>
        parts.Aggregate((a, b) =>
        {
            var work = a.Parameters[0];
            return Expression.Lambda<Func<Work, bool>>(join(a.Body, new Rebind(b.Parameters[0], work).Visit(b.Body)), work);
        });

    /// <summary>Puts one lambda's body on another's parameter, so the joined expression is one lambda EF can translate.</summary>
    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
