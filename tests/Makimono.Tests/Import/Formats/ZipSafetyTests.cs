using System.IO.Compression;
using Makimono.Import.Formats;
using Makimono.Import;

namespace Makimono.Tests.Import.Formats;

/// <summary>DOCX and EPUB files are zips: damaged ones and zip bombs are refused with an <see cref="ImportException"/>, never anything else.</summary>
public sealed class ZipSafetyTests
{
    private static byte[] ValidDocx() => new DocxBuilder()
        .Title("Weatherglass")
        .Heading("Chapter 1")
        .Paragraph("The barometer in the hall had read *stormy* for eleven years, and for eleven years it had been wrong.")
        .Paragraph("Then, one Tuesday, it was right.")
        .Build();

    private static byte[] ValidEpub() => new EpubBuilder(version: 3) { Title = "Weatherglass", Creators = ["isobar"] }
        .Document("c1.xhtml", "<h2>Chapter 1</h2><p>The barometer in the hall had read stormy for eleven years, and for eleven years it had been wrong.</p><p>Then, one Tuesday, it was right.</p>")
        .Build();

    public static TheoryData<string> Extensions => new(".docx", ".epub");

    private static byte[] Valid(string extension) => extension == ".docx" ? ValidDocx() : ValidEpub();

    [Theory, MemberData(nameof(Extensions))]
    public void A_truncated_zip_is_refused_as_damaged(string extension)
    {
        var whole = Valid(extension);

        var e = Assert.Throws<ImportException>(() => FileImport.Read("story" + extension, extension, whole[..(whole.Length / 2)]));

        Assert.Contains("damaged or incomplete", e.Message, StringComparison.Ordinal);
        Assert.Contains("again", e.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Extensions))]
    public void A_zip_bomb_of_one_huge_entry_is_refused_before_it_is_unpacked(string extension)
    {
        var bomb = Bomb(Valid(extension), "word/media/zeros.bin", 200L * 1024 * 1024);

        var e = Assert.Throws<ImportException>(() => FileImport.Read("story" + extension, extension, bomb));

        Assert.Contains("zip bomb", e.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Extensions))]
    public void A_zip_with_twenty_thousand_entries_is_refused(string extension)
    {
        using var stream = new MemoryStream();
        stream.Write(Valid(extension));
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            for (var i = 0; i < 20_000; i++)
            {
                archive.CreateEntry($"filler/{i}.txt", CompressionLevel.NoCompression);
            }
        }

        var e = Assert.Throws<ImportException>(() => FileImport.Read("story" + extension, extension, stream.ToArray()));

        Assert.Contains("20,", e.Message, StringComparison.Ordinal);
        Assert.Contains("zip bomb", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_the_ratio_an_entry_that_unpacks_past_the_total_limit_is_refused()
    {
        // 40 MB of "a" with a random "b" in about every 128 letters packs to under 3 MB, far from a bomb's ratio, so the
        // file is within a 3 MB limit, but it unpacks to more than ten times that limit.
        var letters = new Random(7);
        var big = Bomb(ValidEpub(), "OEBPS/filler.txt", 40L * 1024 * 1024, fill: _ => letters.Next(128) == 0 ? (byte)'b' : (byte)'a');
        var options = new ImportOptions { MaxBytes = 3 * 1024 * 1024 };
        Assert.True(big.Length <= options.MaxBytes, $"{big.Length} bytes");

        var e = Assert.Throws<ImportException>(() => FileImport.Read("story.epub", ".epub", big, options));

        Assert.Contains("ten times the size limit", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".docx", "word/document.xml")]
    [InlineData(".epub", "OEBPS/c1.xhtml")]
    public void An_entry_whose_declared_size_lies_is_refused_by_name(string extension, string entry)
    {
        var lying = DeclareSmallerSize(Valid(extension), entry, 10);

        var e = Assert.Throws<ImportException>(() => FileImport.Read("story" + extension, extension, lying));

        Assert.Contains(entry, e.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Extensions))]
    public void Corrupted_bytes_anywhere_give_an_import_error_or_a_work_never_another_exception(string extension)
    {
        var valid = Valid(extension);
        var random = new Random(20261122);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var corrupt = (byte[])valid.Clone();
            for (var flips = random.Next(1, 8); flips > 0; flips--)
            {
                corrupt[random.Next(4, corrupt.Length)] = (byte)random.Next(256);
            }
            try
            {
                FileImport.Read("story" + extension, extension, corrupt);
            }
            catch (ImportException)
            {
            }
        }
    }

    /// <summary>The valid zip with one more entry of <paramref name="size"/> bytes, zeros unless told otherwise.</summary>
    private static byte[] Bomb(byte[] valid, string name, long size, Func<int, byte>? fill = null)
    {
        using var stream = new MemoryStream();
        // Create mode streams the new entry through the compressor; Update mode would hold it all in memory first.
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var original = new ZipArchive(new MemoryStream(valid), ZipArchiveMode.Read))
            {
                foreach (var entry in original.Entries)
                {
                    using var from = entry.Open();
                    using var to = archive.CreateEntry(entry.FullName).Open();
                    from.CopyTo(to);
                }
            }
            using var extra = archive.CreateEntry(name, CompressionLevel.Fastest).Open();
            var chunk = new byte[1024 * 1024];
            if (fill is not null)
            {
                for (var i = 0; i < chunk.Length; i++)
                {
                    chunk[i] = fill(i);
                }
            }
            for (var written = 0L; written < size; written += chunk.Length)
            {
                extra.Write(chunk, 0, (int)Math.Min(chunk.Length, size - written));
            }
        }
        return stream.ToArray();
    }

    /// <summary>Rewrites the uncompressed size of one entry in the central directory, as a crafted zip would lie.</summary>
    private static byte[] DeclareSmallerSize(byte[] zip, string name, uint declared)
    {
        var bytes = (byte[])zip.Clone();
        var nameBytes = System.Text.Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            // Central directory header: signature PK\1\2, name length at 28, uncompressed size at 24, name at 46.
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2
                && BitConverter.ToUInt16(bytes, i + 28) == nameBytes.Length && bytes.AsSpan(i + 46, nameBytes.Length).SequenceEqual(nameBytes))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), declared);
                return bytes;
            }
        }
        throw new InvalidOperationException($"{name} not found in the central directory.");
    }
}
