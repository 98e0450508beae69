using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Makimono.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Search;

/// <summary>
/// Search-after for the database: the sort key and id of the last work of a page, so the next page is "after this
/// row" instead of an offset. The text is opaque to callers; a cursor of another sort or direction, or one that cannot
/// be read, is ignored and the page's offset is used.
/// </summary>
public static class WorkCursor
{
    /// <summary>The sort key of each <see cref="WorkSort"/>; best match orders as date updated on the database.</summary>
    public static LambdaExpression KeyOf(WorkSort sort) => sort switch
    {
        WorkSort.Creator => Key(w => w.Creators.Where(c => c.Accepted).OrderBy(c => c.Position).Select(c => c.Pseud.NormalizedName).FirstOrDefault() ?? ""),
        WorkSort.Title => Key(w => w.Title),
        WorkSort.DatePosted => Key(w => w.PublishedOn),
        WorkSort.Words => Key(w => w.WordCount),
        WorkSort.Hits => Key(w => w.HitCount),
        WorkSort.Kudos => Key(w => w.KudosCount),
        WorkSort.Comments => Key(w => w.CommentCount),
        WorkSort.Bookmarks => Key(w => w.BookmarkCount),
        _ => Key(w => w.UpdatedAt),
    };

    private static Expression<Func<Work, T>> Key<T>(Expression<Func<Work, T>> key) => key;

    public sealed record Position(object Key, int Id);

    public static Position? Parse(string? text, WorkSort sort, bool descending)
    {
        var parts = (text ?? "").Split('.');
        if (parts.Length != 4 || parts[0] != ((int)sort).ToString(CultureInfo.InvariantCulture) || parts[1] != (descending ? "d" : "a")
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }
        try
        {
            object key = KeyOf(sort).ReturnType switch
            {
                var t when t == typeof(int) => int.Parse(parts[2], CultureInfo.InvariantCulture),
                var t when t == typeof(DateTime) => new DateTime(long.Parse(parts[2], CultureInfo.InvariantCulture), DateTimeKind.Utc),
                var t when t == typeof(DateOnly) => DateOnly.FromDayNumber(int.Parse(parts[2], CultureInfo.InvariantCulture)),
                _ => Encoding.UTF8.GetString(Convert.FromBase64String(parts[2].Replace('-', '+').Replace('_', '/').PadRight((parts[2].Length + 3) / 4 * 4, '='))),
            };
            return new Position(key, id);
        }
        catch (Exception error) when (error is FormatException or OverflowException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The cursor after the work <paramref name="id"/>, its key read from the database.</summary>
    public static async Task<string?> OfAsync(ArchiveDbContext db, WorkSort sort, bool descending, int id, CancellationToken ct)
    {
        var key = KeyOf(sort);
        var parameter = key.Parameters[0];
        var boxed = Expression.Lambda<Func<Work, object>>(Expression.Convert(key.Body, typeof(object)), parameter);
        var value = await db.Works.Where(w => w.Id == id).Select(boxed).FirstOrDefaultAsync(ct);
        var text = value switch
        {
            int number => number.ToString(CultureInfo.InvariantCulture),
            DateTime time => time.Ticks.ToString(CultureInfo.InvariantCulture),
            DateOnly date => date.DayNumber.ToString(CultureInfo.InvariantCulture),
            string name => Convert.ToBase64String(Encoding.UTF8.GetBytes(name)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            _ => null,
        };
        return text is null ? null : $"{(int)sort}.{(descending ? "d" : "a")}.{text}.{id.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Works after the position in this order: a key further along, or the same key and an id further along.</summary>
    public static Expression<Func<Work, bool>> After(WorkSort sort, bool descending, Position position)
    {
        var key = KeyOf(sort);
        var work = key.Parameters[0];
        var keyValue = key.Body;
        var bound = Expression.Constant(position.Key, key.ReturnType);
        Expression further, same;
        if (key.ReturnType == typeof(string))
        {
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, keyValue, bound);
            further = descending ? Expression.LessThan(compare, Expression.Constant(0)) : Expression.GreaterThan(compare, Expression.Constant(0));
            same = Expression.Equal(keyValue, bound);
        }
        else
        {
            further = descending ? Expression.LessThan(keyValue, bound) : Expression.GreaterThan(keyValue, bound);
            same = Expression.Equal(keyValue, bound);
        }
        var id = Expression.Property(work, nameof(Work.Id));
        var idBound = Expression.Constant(position.Id);
        var idFurther = descending ? Expression.LessThan(id, idBound) : Expression.GreaterThan(id, idBound);
        return Expression.Lambda<Func<Work, bool>>(Expression.OrElse(further, Expression.AndAlso(same, idFurther)), work);
    }
}
