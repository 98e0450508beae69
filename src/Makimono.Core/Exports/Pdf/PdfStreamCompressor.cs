using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Makimono.Exports.Pdf;

/// <summary>
/// Compresses the streams of an uncompressed PDF that PDFsharp wrote, and writes its cross-reference table anew.
/// PDFsharp 6.2's own Flate encoder leaves each stream without its final block, which qpdf reports ("input stream is
/// complete but output may still be valid") and strict readers may refuse; .NET's ZLibStream ends them properly.
/// </summary>
internal static partial class PdfStreamCompressor
{
    public static byte[] Compress(byte[] pdf)
    {
        var latin1 = Encoding.Latin1;
        var text = latin1.GetString(pdf);
        var xrefAt = text.LastIndexOf("\nxref\n", StringComparison.Ordinal) + 1;
        var trailerAt = text.IndexOf("trailer", xrefAt, StringComparison.Ordinal);
        if (xrefAt <= 0 || trailerAt < 0)
        {
            throw new InvalidDataException("The PDF has no cross-reference table.");
        }
        var entries = ReadXref(text[xrefAt..trailerAt]);
        var objects = entries.Where(e => e.InUse).OrderBy(e => e.Offset).ToList();
        using var output = new MemoryStream(pdf.Length);
        output.Write(pdf, 0, (int)objects[0].Offset);
        var offsets = new Dictionary<int, long>();
        for (var i = 0; i < objects.Count; i++)
        {
            var start = (int)objects[i].Offset;
            var end = i + 1 < objects.Count ? (int)objects[i + 1].Offset : xrefAt;
            offsets[objects[i].Number] = output.Position;
            WriteObject(output, pdf, text, start, end);
        }
        var newXref = output.Position;
        var xref = new StringBuilder("xref\n");
        foreach (var run in Runs(entries.Select(e => e.Number).Order().ToList()))
        {
            xref.Append(CultureInfo.InvariantCulture, $"{run.First} {run.Count}\n");
            for (var number = run.First; number < run.First + run.Count; number++)
            {
                var entry = entries.First(e => e.Number == number);
                xref.Append(entry.InUse
                    ? $"{offsets[number].ToString("D10", CultureInfo.InvariantCulture)} {entry.Generation:D5} n \n"
                    : $"{entry.Offset.ToString("D10", CultureInfo.InvariantCulture)} {entry.Generation:D5} f \n");
            }
        }
        var startxrefAt = text.IndexOf("startxref", trailerAt, StringComparison.Ordinal);
        xref.Append(text[trailerAt..startxrefAt]).Append(CultureInfo.InvariantCulture, $"startxref\n{newXref}\n%%EOF\n");
        output.Write(latin1.GetBytes(xref.ToString()));
        return output.ToArray();
    }

    private static void WriteObject(MemoryStream output, byte[] pdf, string text, int start, int end)
    {
        var streamAt = text.IndexOf(">>\nstream\n", start, end - start, StringComparison.Ordinal);
        var endstreamAt = text.LastIndexOf("\nendstream", end - 1, end - start, StringComparison.Ordinal);
        if (streamAt < 0 || endstreamAt < streamAt)
        {
            output.Write(pdf, start, end - start);
            return;
        }
        var dictionary = text[start..(streamAt + 2)];
        var dataAt = streamAt + ">>\nstream\n".Length;
        var length = LengthPattern().Match(dictionary);
        // Streams already filtered, and the XMP metadata (which readers look for as plain text), stay as they are.
        if (!length.Success || int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture) != endstreamAt - dataAt
            || dictionary.Contains("/Filter", StringComparison.Ordinal) || dictionary.Contains("/Metadata", StringComparison.Ordinal))
        {
            output.Write(pdf, start, end - start);
            return;
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(pdf, dataAt, endstreamAt - dataAt);
        }
        var header = dictionary[..length.Index] + $"/Length {compressed.Length.ToString(CultureInfo.InvariantCulture)}/Filter/FlateDecode"
            + dictionary[(length.Index + length.Length)..] + "\nstream\n";
        output.Write(Encoding.Latin1.GetBytes(header));
        compressed.Position = 0;
        compressed.CopyTo(output);
        output.Write(pdf, endstreamAt, end - endstreamAt);
    }

    private sealed record XrefEntry(int Number, long Offset, int Generation, bool InUse);

    private static List<XrefEntry> ReadXref(string table)
    {
        var entries = new List<XrefEntry>();
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        for (var i = 0; i < lines.Count;)
        {
            var section = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var first = int.Parse(section[0], CultureInfo.InvariantCulture);
            var count = int.Parse(section[1], CultureInfo.InvariantCulture);
            for (var k = 0; k < count; k++)
            {
                var fields = lines[i + 1 + k].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                entries.Add(new XrefEntry(first + k, long.Parse(fields[0], CultureInfo.InvariantCulture),
                    int.Parse(fields[1], CultureInfo.InvariantCulture), fields[2].StartsWith('n')));
            }
            i += count + 1;
        }
        return entries;
    }

    private static IEnumerable<(int First, int Count)> Runs(List<int> numbers)
    {
        var i = 0;
        while (i < numbers.Count)
        {
            var j = i;
            while (j + 1 < numbers.Count && numbers[j + 1] == numbers[j] + 1)
            {
                j++;
            }
            yield return (numbers[i], j - i + 1);
            i = j + 1;
        }
    }

    [GeneratedRegex(@"/Length\s+(\d+)")]
    private static partial Regex LengthPattern();
}
