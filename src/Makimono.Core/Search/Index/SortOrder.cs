using System.Globalization;
using System.Text;

namespace Makimono.Search.Index;

/// <summary>
/// Orders slots for one <see cref="WorkQuery"/>: by the sort's value, then by work id in the same direction, so every
/// order is total and a search-after cursor (the last work's value and id) names one exact place in it.
/// </summary>
internal sealed class SortOrder : IComparer<int>
{
    private readonly WorkColumns _columns;
    private readonly WorkSort _sort;
    private readonly int _sign;
    private readonly TextHits? _text;

    public SortOrder(WorkColumns columns, WorkSort sort, bool descending, TextHits? text)
    {
        _columns = columns;
        // Best match without words to match has no scores: it is the newest update first, as a listing is.
        _sort = sort == WorkSort.BestMatch && text is null ? WorkSort.DateUpdated : sort;
        _sign = descending ? -1 : 1;
        _text = text;
    }

    /// <summary>The sort in effect (best match without words to match is the newest update first).</summary>
    public WorkSort Sort => _sort;

    public bool Descending => _sign < 0;

    /// <summary>This order read from its start to its end: ascending.</summary>
    public SortOrder Ascending => _sign > 0 ? this : new SortOrder(_columns, _sort, descending: false, _text);

    /// <summary>Whether the value is a number (<see cref="Number"/>), as opposed to a title or creator name.</summary>
    public bool Numeric => !IsText;

    private bool IsText => _sort is WorkSort.Title or WorkSort.Creator;

    public long Number(int slot) => _sort switch
    {
        WorkSort.DatePosted => _columns.Posted[slot],
        WorkSort.DateUpdated => _columns.Updated[slot],
        WorkSort.Words => _columns.Words[slot],
        WorkSort.Hits => _columns.Hits[slot],
        WorkSort.Kudos => _columns.Kudos[slot],
        WorkSort.Comments => _columns.Comments[slot],
        WorkSort.Bookmarks => _columns.Bookmarks[slot],
        // Scores as sortable integers: a float's bits order like the float for non-negative values.
        WorkSort.BestMatch => BitConverter.SingleToInt32Bits(_text!.Scores.GetValueOrDefault(slot)),
        _ => 0,
    };

    private string Text(int slot) => _sort == WorkSort.Title ? _columns.Title[slot] : _columns.CreatorName[slot];

    public int Compare(int a, int b)
    {
        var byValue = IsText
            ? StringComparer.Ordinal.Compare(Text(a), Text(b))
            : Number(a).CompareTo(Number(b));
        if (byValue == 0)
        {
            byValue = _columns.WorkId[a].CompareTo(_columns.WorkId[b]);
        }
        return _sign * byValue;
    }

    /// <summary>Whether a slot comes after the cursor's place.</summary>
    public Func<int, bool> After(Cursor cursor) => slot =>
    {
        var byValue = IsText
            ? StringComparer.Ordinal.Compare(Text(slot), cursor.Text)
            : Number(slot).CompareTo(cursor.Number);
        if (byValue == 0)
        {
            byValue = _columns.WorkId[slot].CompareTo(cursor.WorkId);
        }
        return _sign * byValue > 0;
    };

    public string CursorOf(int slot)
    {
        var value = IsText ? "s" + Text(slot) : "n" + Number(slot).ToString(CultureInfo.InvariantCulture);
        var raw = $"{(int)_sort}|{_sign}|{_columns.WorkId[slot]}|{value}";
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(raw)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    internal sealed record Cursor(int WorkId, long Number, string? Text);

    /// <summary>The cursor's place, or null when it is not one of this order's cursors (another sort, or mangled).</summary>
    public Cursor? Read(string after)
    {
        try
        {
            var padded = after.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|', 4);
            if (parts.Length != 4 || parts[0] != ((int)_sort).ToString(CultureInfo.InvariantCulture)
                || parts[1] != _sign.ToString(CultureInfo.InvariantCulture) || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var workId))
            {
                return null;
            }
            var value = parts[3];
            if (IsText && value.StartsWith('s'))
            {
                return new Cursor(workId, 0, value[1..]);
            }
            return !IsText && value.StartsWith('n') && long.TryParse(value[1..], CultureInfo.InvariantCulture, out var number)
                ? new Cursor(workId, number, null)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
