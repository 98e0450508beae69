namespace Makimono.Tags.Suggestions;

/// <summary>
/// Lines set in title case ("Letters From the Salt Flats", "Genre: Angst, Alternate Universe - Pirates"):
/// headings, titles and header fields capitalise common words, so a capitalised word there is no more a name
/// than one opening a sentence. Asked about in ascending order, one line at a time.
/// </summary>
internal sealed class HeadingLines(string text)
{
    /// <summary>Longer lines are prose, whatever their capitals.</summary>
    private const int MaxWords = 14;

    private static readonly System.Buffers.SearchValues<char> SentencePunctuation = System.Buffers.SearchValues.Create(".!?\"“”");

    private int _lineStart = -1;
    private int _lineEnd = -1;
    private bool _isHeading;

    public bool InHeading(int index)
    {
        if (index >= _lineEnd)
        {
            _lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
            _lineEnd = text.IndexOf('\n', index);
            if (_lineEnd < 0)
            {
                _lineEnd = text.Length;
            }
            _isHeading = IsHeading(text.AsSpan(_lineStart, _lineEnd - _lineStart));
        }
        return _isHeading;
    }

    /// <summary>
    /// No sentence ends or quotes, at most <see cref="MaxWords"/> words, and most words of four letters or more
    /// capitalised: a sentence capitalises only its names, a title nearly every word.
    /// </summary>
    internal static bool IsHeading(ReadOnlySpan<char> line)
    {
        if (line.IndexOfAny(SentencePunctuation) >= 0)
        {
            return false;
        }
        int words = 0, longWords = 0, capitalised = 0;
        for (var i = 0; i < line.Length;)
        {
            while (i < line.Length && !char.IsLetter(line[i]))
            {
                i++;
            }
            var start = i;
            while (i < line.Length && (char.IsLetter(line[i]) || line[i] is '\'' or '’' or '-'))
            {
                i++;
            }
            if (i == start)
            {
                break;
            }
            words++;
            if (i - start >= 4)
            {
                longWords++;
                if (char.IsUpper(line[start]))
                {
                    capitalised++;
                }
            }
        }
        return words is > 0 and <= MaxWords && longWords > 0 && capitalised * 5 >= longWords * 3;
    }
}
