using System.Buffers;

namespace Makimono.Import.Structure;

/// <summary>
/// A text built in a buffer rented from the shared pool, then copied out once. A long import renders
/// thousands of chapters; a StringBuilder per chapter allocated each chapter's text twice, and the garbage
/// collector's work on that memory was a large part of the import's time.
/// </summary>
internal sealed class PooledText(int capacity) : IDisposable
{
    private char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 16));

    public int Length { get; private set; }

    public char this[int index] => buffer[index];

    public void Append(char c)
    {
        Reserve(1);
        buffer[Length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(buffer.AsSpan(Length));
        Length += text.Length;
    }

    /// <summary>Drops characters from the end.</summary>
    public void Shorten(int count) => Length -= Math.Min(count, Length);

    public string ToString(int start, int length) => new(buffer, start, length);

    public override string ToString() => new(buffer, 0, Length);

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(buffer);
        buffer = [];
        Length = 0;
    }

    private void Reserve(int more)
    {
        if (Length + more <= buffer.Length)
        {
            return;
        }
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(buffer.Length * 2, Length + more));
        buffer.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(buffer);
        buffer = larger;
    }
}
