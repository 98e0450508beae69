using System.Buffers.Binary;

namespace Makimono.Exports.Pdf;

/// <summary>
/// The characters a TrueType or OpenType font has glyphs for, read from its cmap table (formats 4 and 12), so that a
/// character the body font lacks is set in a fallback font instead of as an empty box.
/// </summary>
internal sealed class FontCoverage
{
    private readonly HashSet<int> _codePoints;

    private FontCoverage(HashSet<int> codePoints) => _codePoints = codePoints;

    public int Count => _codePoints.Count;

    public bool Covers(int codePoint) => _codePoints.Contains(codePoint);

    public static FontCoverage Read(byte[] font)
    {
        var data = font.AsSpan();
        var tables = BinaryPrimitives.ReadUInt16BigEndian(data[4..]);
        for (var i = 0; i < tables; i++)
        {
            var record = data[(12 + (16 * i))..];
            if (record[..4].SequenceEqual("cmap"u8))
            {
                return new FontCoverage(ReadCmap(data[(int)BinaryPrimitives.ReadUInt32BigEndian(record[8..])..]));
            }
        }
        throw new InvalidDataException("The font has no cmap table.");
    }

    private static HashSet<int> ReadCmap(ReadOnlySpan<byte> cmap)
    {
        // The subtable PDFsharp maps characters with: the Basic Multilingual Plane one (format 4) when there is one. Droid
        // Sans Fallback has its Hangul syllables in format 12 only, and PDFsharp would set them as empty boxes.
        int? best = null;
        var bestFormat = 0;
        var count = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        for (var i = 0; i < count; i++)
        {
            var record = cmap[(4 + (8 * i))..];
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]);
            var format = BinaryPrimitives.ReadUInt16BigEndian(cmap[offset..]);
            var unicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
            if (unicode && format is 4 or 12 && (bestFormat == 0 || format == 4))
            {
                best = offset;
                bestFormat = format;
            }
        }
        if (best is not { } start)
        {
            throw new InvalidDataException("The font has no Unicode cmap subtable.");
        }
        return bestFormat == 12 ? Format12(cmap[start..]) : Format4(cmap[start..]);
    }

    private static HashSet<int> Format12(ReadOnlySpan<byte> table)
    {
        var covered = new HashSet<int>();
        var groups = BinaryPrimitives.ReadUInt32BigEndian(table[12..]);
        for (var i = 0; i < groups; i++)
        {
            var group = table[(16 + (12 * i))..];
            var first = (int)BinaryPrimitives.ReadUInt32BigEndian(group);
            var last = (int)BinaryPrimitives.ReadUInt32BigEndian(group[4..]);
            for (var c = first; c <= last; c++)
            {
                covered.Add(c);
            }
        }
        return covered;
    }

    private static HashSet<int> Format4(ReadOnlySpan<byte> table)
    {
        var covered = new HashSet<int>();
        var segments = BinaryPrimitives.ReadUInt16BigEndian(table[6..]) / 2;
        var ends = table[14..];
        var starts = ends[((2 * segments) + 2)..];
        var deltas = starts[(2 * segments)..];
        var rangeOffsets = deltas[(2 * segments)..];
        for (var s = 0; s < segments; s++)
        {
            var end = BinaryPrimitives.ReadUInt16BigEndian(ends[(2 * s)..]);
            var first = BinaryPrimitives.ReadUInt16BigEndian(starts[(2 * s)..]);
            var delta = BinaryPrimitives.ReadInt16BigEndian(deltas[(2 * s)..]);
            var rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(rangeOffsets[(2 * s)..]);
            for (var c = first; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    // The offset counts from the rangeOffset entry itself, into the glyph index array after it.
                    var at = (2 * s) + rangeOffset + (2 * (c - first));
                    glyph = at + 2 <= rangeOffsets.Length ? BinaryPrimitives.ReadUInt16BigEndian(rangeOffsets[at..]) : 0;
                    if (glyph != 0)
                    {
                        glyph = (glyph + delta) & 0xFFFF;
                    }
                }
                if (glyph != 0)
                {
                    covered.Add(c);
                }
            }
        }
        return covered;
    }
}
