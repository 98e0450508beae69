using System.IO.Compression;
using System.Text;
using Makimono.Tests.Import.Formats;

namespace Makimono.Tests.Import;

/// <summary>
/// Files an attacker (or a broken tool) brings to import, made in code so no bomb is ever checked in: zip bombs,
/// XML external entities and entity expansion in every XML part a reader opens, path traversal in zip names and
/// hrefs, HTML nested a hundred thousand deep, a 50 MB line, NUL bytes, truncated and incomplete packages.
/// Each is (file name, bytes); the tests check that each is refused with its own message or read, within bounds.
/// </summary>
internal static class HostileFiles
{
    /// <summary>What an external entity would pull in: a file every Linux machine has, and that no story contains.</summary>
    public const string SecretPath = "/etc/passwd";

    /// <summary>A line of /etc/passwd: if it turns up anywhere in a result, a server file leaked.</summary>
    public const string SecretMarker = "root:x:0:0";

    public static byte[] Docx() => new DocxBuilder()
        .Title("Weatherglass")
        .Heading("Chapter 1")
        .Paragraph("The barometer in the hall had read stormy for eleven years, and for eleven years it had been wrong.")
        .Paragraph("Then, one Tuesday, it was right.")
        .Build();

    public static byte[] Epub(int version = 3) => new EpubBuilder(version) { Title = "Weatherglass", Creators = ["isobar"] }
        .Document("c1.xhtml", "<h2>Chapter 1</h2><p>The barometer in the hall had read stormy for eleven years.</p><p>Then, one Tuesday, it was right.</p>")
        .Build();

    /// <summary>
    /// A zip that unpacks to <paramref name="gigabytes"/> GB of zeros in one entry, a few MB on disk. The deflate
    /// stream is one 64 MB block of zeros compressed once and repeated (each piece ends byte-aligned by a sync
    /// flush and refers only to zeros behind it, so the copies chain), so making it costs no more than 64 MB.
    /// <paramref name="declaredSize"/> is what the zip's headers claim: the truth, or a lie to slip past a check.
    /// </summary>
    public static byte[] ZipBomb(byte[] valid, string entryName, int gigabytes, long? declaredSize = null)
    {
        const int piece = 64 * 1024 * 1024;
        byte[] compressedPiece;
        using (var buffer = new MemoryStream())
        {
            using (var deflate = new DeflateStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                deflate.Write(new byte[piece]);
                deflate.Flush();
                compressedPiece = buffer.ToArray();
            }
        }
        var pieces = gigabytes * 1024L * 1024 * 1024 / piece;
        var data = new MemoryStream();
        for (var i = 0; i < pieces; i++)
        {
            data.Write(compressedPiece);
        }
        // A final, empty block with fixed codes: the stream ends here.
        data.Write([0x03, 0x00]);
        var size = declaredSize ?? pieces * piece;
        return AddRawEntry(valid, entryName, data.ToArray(), size, crc: 0);
    }

    /// <summary>A valid package with <paramref name="count"/> more empty entries.</summary>
    public static byte[] ManyEntries(byte[] valid, int count)
    {
        using var stream = new MemoryStream();
        stream.Write(valid);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            for (var i = 0; i < count; i++)
            {
                archive.CreateEntry($"f/{i}", CompressionLevel.NoCompression);
            }
        }
        return stream.ToArray();
    }

    /// <summary>The valid zip with one entry's content replaced (or added), every other entry kept as it was.</summary>
    public static byte[] WithEntry(byte[] valid, string name, string? content) => Rewrite(valid, (entryName, _) => entryName == name ? content : null, add: content is null ? [] : [(name, content)]);

    /// <summary>The valid zip without the named entries.</summary>
    public static byte[] Without(byte[] valid, params string[] names) => Rewrite(valid, (_, _) => null, skip: names);

    /// <summary>The valid zip with an entry's text passed through <paramref name="change"/>.</summary>
    public static byte[] Changed(byte[] valid, string name, Func<string, string> change) => Rewrite(valid, (entryName, text) => entryName == name ? change(text) : null);

    /// <summary>A DOCTYPE whose external entity names <see cref="SecretPath"/>, used in the root element's first text.</summary>
    public static string WithExternalEntity(string xml, string rootName) => WithDoctype(xml, rootName, $"<!ENTITY secret SYSTEM \"file://{SecretPath}\">", "&secret;");

    /// <summary>Ten levels of ten references each: a billion copies of "lol" from a few hundred bytes.</summary>
    public static string WithBillionLaughs(string xml, string rootName)
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var level = 1; level <= 9; level++)
        {
            entities.Append($"<!ENTITY lol{level} \"{string.Concat(Enumerable.Repeat($"&lol{level - 1};", 10))}\">");
        }
        return WithDoctype(xml, rootName, entities.ToString(), "&lol9;");
    }

    /// <summary>An EPUB whose zip holds entries named to climb out of any folder they are unpacked into, and a spine that points at server paths.</summary>
    public static byte[] EpubWithTraversal()
    {
        var epub = new EpubBuilder(3) { Title = "Climbing Out" }
            .Document("c1.xhtml", "<h2>One</h2><p>The ladder went up further than the wall did.</p>")
            .Build();
        epub = WithEntry(epub, "../../../../tmp/makimono-escaped.xhtml", "<html><body><p>Escaped.</p></body></html>");
        epub = WithEntry(epub, "/tmp/makimono-absolute.xhtml", "<html><body><p>Absolute.</p></body></html>");
        return Changed(epub, "OEBPS/content.opf", opf => opf
            .Replace("</manifest>", "<item id=\"up\" href=\"../../../../../../..%2Fetc/passwd\" media-type=\"application/xhtml+xml\"/>"
                + "<item id=\"abs\" href=\"/etc/passwd\" media-type=\"application/xhtml+xml\"/>"
                + "<item id=\"esc\" href=\"../../../../tmp/makimono-escaped.xhtml\" media-type=\"application/xhtml+xml\"/></manifest>", StringComparison.Ordinal)
            .Replace("</spine>", "<itemref idref=\"esc\"/><itemref idref=\"up\"/><itemref idref=\"abs\"/></spine>", StringComparison.Ordinal));
    }

    public static string NestedHtml(string tag, int depth) =>
        "<html><body>" + string.Concat(Enumerable.Repeat($"<{tag}>", depth)) + "<p>Deep down, the well was dry.</p>" + string.Concat(Enumerable.Repeat($"</{tag}>", depth)) + "</body></html>";

    /// <summary>One line of words, no newline at all, <paramref name="megabytes"/> MB long.</summary>
    public static byte[] SingleLine(int megabytes)
    {
        var words = "the tide came in and the tide went out and nobody on the pier said a word about it ";
        var bytes = new byte[megabytes * 1024 * 1024];
        var pattern = Encoding.ASCII.GetBytes(words);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = pattern[i % pattern.Length];
        }
        return bytes;
    }

    private static string WithDoctype(string xml, string rootName, string entities, string reference)
    {
        var body = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..] : xml;
        body = body.TrimStart();
        if (body.StartsWith("<!DOCTYPE", StringComparison.Ordinal))
        {
            body = body[(body.IndexOf('>') + 1)..].TrimStart();
        }
        // The reference goes into the first text the reader keeps, so an expanded entity would show in the result.
        var withReference = InsertReference(body, reference);
        return $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE {rootName} [{entities}]>\n{withReference}";
    }

    private static string InsertReference(string body, string reference)
    {
        foreach (var anchor in new[] { "<w:t>", "<w:t xml:space=\"preserve\">", "<dc:title>", "<text>", "<p>" })
        {
            var at = body.IndexOf(anchor, StringComparison.Ordinal);
            if (at >= 0)
            {
                return body.Insert(at + anchor.Length, reference + " ");
            }
        }
        var rootEnd = body.IndexOf('>');
        return body.Insert(rootEnd + 1, reference);
    }

    private static byte[] Rewrite(byte[] valid, Func<string, string, string?> replace, string[]? skip = null, (string Name, string Content)[]? add = null)
    {
        using var output = new MemoryStream();
        using (var to = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        using (var from = new ZipArchive(new MemoryStream(valid), ZipArchiveMode.Read))
        {
            var added = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in from.Entries)
            {
                if (skip?.Contains(entry.FullName) == true)
                {
                    continue;
                }
                using var reader = new StreamReader(entry.Open());
                var original = reader.ReadToEnd();
                var content = replace(entry.FullName, original) ?? original;
                added.Add(entry.FullName);
                using var writer = new StreamWriter(to.CreateEntry(entry.FullName, entry.FullName == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
            foreach (var (name, content) in add ?? [])
            {
                if (added.Add(name))
                {
                    using var writer = new StreamWriter(to.CreateEntry(name).Open(), new UTF8Encoding(false));
                    writer.Write(content);
                }
            }
        }
        return output.ToArray();
    }

    /// <summary>
    /// Appends an entry with already-deflated data to a zip, writing its headers by hand (ZipArchive would inflate
    /// and count it): the valid entries are copied, then the raw entry, then a new central directory.
    /// </summary>
    private static byte[] AddRawEntry(byte[] valid, string name, byte[] deflated, long declaredSize, uint crc)
    {
        using var output = new MemoryStream();
        var central = new MemoryStream();
        var count = 0;
        using (var from = new ZipArchive(new MemoryStream(valid), ZipArchiveMode.Read))
        {
            foreach (var entry in from.Entries)
            {
                using var content = entry.Open();
                var bytes = new MemoryStream();
                content.CopyTo(bytes);
                var raw = Deflate(bytes.ToArray());
                WriteEntry(output, central, entry.FullName, raw, bytes.Length, Makimono.Import.Formats.Crc32.Of(bytes.ToArray()));
                count++;
            }
        }
        WriteEntry(output, central, name, deflated, declaredSize, crc);
        count++;
        var centralStart = output.Position;
        central.Position = 0;
        central.CopyTo(output);
        using var w = new BinaryWriter(output, Encoding.ASCII, leaveOpen: true);
        w.Write(0x06054b50u);
        w.Write((ushort)0);
        w.Write((ushort)0);
        w.Write((ushort)count);
        w.Write((ushort)count);
        w.Write((uint)central.Length);
        w.Write((uint)centralStart);
        w.Write((ushort)0);
        w.Flush();
        return output.ToArray();
    }

    private static byte[] Deflate(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(bytes);
        }
        return buffer.ToArray();
    }

    private static void WriteEntry(MemoryStream output, MemoryStream central, string name, byte[] deflated, long size, uint crc)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var offset = (uint)output.Position;
        using (var local = new BinaryWriter(output, Encoding.ASCII, leaveOpen: true))
        {
            local.Write(0x04034b50u);
            local.Write((ushort)20);
            local.Write((ushort)0);
            local.Write((ushort)8);
            local.Write(0u);
            local.Write(crc);
            local.Write((uint)deflated.Length);
            local.Write((uint)Math.Min(size, uint.MaxValue));
            local.Write((ushort)nameBytes.Length);
            local.Write((ushort)0);
            local.Write(nameBytes);
            local.Write(deflated);
        }
        using var c = new BinaryWriter(central, Encoding.ASCII, leaveOpen: true);
        c.Write(0x02014b50u);
        c.Write((ushort)20);
        c.Write((ushort)20);
        c.Write((ushort)0);
        c.Write((ushort)8);
        c.Write(0u);
        c.Write(crc);
        c.Write((uint)deflated.Length);
        c.Write((uint)Math.Min(size, uint.MaxValue));
        c.Write((ushort)nameBytes.Length);
        c.Write((ushort)0);
        c.Write((ushort)0);
        c.Write((ushort)0);
        c.Write((ushort)0);
        c.Write(0u);
        c.Write(offset);
        c.Write(nameBytes);
    }
}
