using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace Makimono.Import.Formats;

/// <summary>
/// A DOCX or EPUB opened so that it cannot unpack into more than the importer should hold: at most
/// <see cref="MaxEntries"/> entries, ten times the file size limit in all, and no large entry packed tighter than
/// <see cref="MaxRatio"/>:1. Declared sizes are checked first because that is cheap, but never trusted: every entry
/// is read through a bounded copy that stops at the first byte over its declared size (so one entry can never
/// exceed the total) or over the total, and is checked against its CRC-32.
/// </summary>
internal sealed class SafeZip : IDisposable
{
    /// <summary>A long EPUB has a few hundred files, a DOCX a few dozen; ten thousand is only reached on purpose.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>
    /// Unpacked bytes allowed per byte of the file size limit. XML and XHTML deflate to a fifth or a tenth of their
    /// size, and pictures hardly at all, so a real DOCX or EPUB at the limit unpacks to well within ten times it
    /// (100 MB at the default 10 MB limit), while a zip bomb is stopped long before it fills memory.
    /// </summary>
    public const int MaxUnpackedPerLimitByte = 10;

    /// <summary>Deflate reaches about 1,000:1 on a bomb's zeros; real text and markup stay under 20:1.</summary>
    public const int MaxRatio = 100;

    /// <summary>Small entries can have any ratio (an empty paragraph repeated); only large ones can be a bomb.</summary>
    private const long RatioCheckedFrom = 1024 * 1024;

    private readonly ZipArchive _archive;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;
    private readonly long _maxUnpacked;
    private readonly string _what;
    private long _unpacked;

    private SafeZip(ZipArchive archive, long maxUnpacked, string what)
    {
        _archive = archive;
        _maxUnpacked = maxUnpacked;
        _what = what;
        _entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            _entries.TryAdd(entry.FullName, entry);
        }
    }

    public IEnumerable<string> Names => _entries.Keys;

    /// <param name="what">How the messages name the file: "DOCX", "EPUB" or "zip archive".</param>
    public static SafeZip Open(byte[] bytes, long maxFileBytes, string what) => Guard(what, () =>
    {
        var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        try
        {
            var maxUnpacked = maxFileBytes * MaxUnpackedPerLimitByte;
            CheckDeclaredSizes(archive, maxUnpacked, what);
            return new SafeZip(archive, maxUnpacked, what);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    });

    private static void CheckDeclaredSizes(ZipArchive archive, long maxUnpacked, string what)
    {
        var entries = archive.Entries;
        if (entries.Count > MaxEntries)
        {
            throw new ImportException($"The {what} holds {entries.Count:N0} files; a real one holds far fewer than {MaxEntries:N0}. It may be a zip bomb, so it was not unpacked.");
        }
        var declared = 0L;
        foreach (var entry in entries)
        {
            declared += entry.Length;
            if (entry.Length >= RatioCheckedFrom && entry.Length > entry.CompressedLength * MaxRatio)
            {
                throw new ImportException($"The {what}'s part \"{entry.FullName}\" unpacks to {entry.Length / Math.Max(1, entry.CompressedLength):N0} times its packed size, as a zip bomb does, so it was not unpacked.");
            }
        }
        if (declared > maxUnpacked)
        {
            throw new ImportException(TooBig(what, maxUnpacked));
        }
    }

    private static string TooBig(string what, long maxUnpacked) =>
        $"The {what} unpacks to more than {maxUnpacked / 1024 / 1024:N0} MB, ten times the size limit. It may be a zip bomb; if it is a real book, raise the limit with --max-size.";

    public bool Contains(string name) => Find(name) is not null;

    /// <summary>The entry's bytes, or null when the zip has no such entry.</summary>
    public byte[]? Read(string name) => Find(name) is { } entry ? ReadEntry(entry) : null;

    /// <summary>
    /// Unpacks every entry once, so a reader that opens the zip itself (the OpenXml SDK) only meets bounded parts,
    /// and refuses any XML part that declares entities (<see cref="RefuseDeclaredEntities"/>).
    /// </summary>
    public void ReadAll()
    {
        foreach (var entry in _entries.Values)
        {
            var bytes = ReadEntry(entry);
            if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                RefuseDeclaredEntities(bytes, entry.FullName);
            }
        }
    }

    /// <summary>
    /// Refuses a part whose prolog declares XML entities. No word processor or EPUB maker writes them; an attack
    /// does, to read the server's files (an external entity) or to swell a few bytes into gigabytes (nested
    /// entities). The parsers never expand them either way, but without this the person would be told only that
    /// the file is damaged, in the XML parser's words.
    /// </summary>
    public void RefuseDeclaredEntities(ReadOnlySpan<byte> bytes, string part)
    {
        var prolog = bytes[..Math.Min(bytes.Length, PrologEnd(bytes))];
        if (prolog.IndexOf("<!ENTITY"u8) >= 0)
        {
            throw new ImportException($"The {_what}'s part \"{part}\" declares its own XML entities (<!ENTITY> in a DOCTYPE). No word processor or e-book maker writes them, and they are how a crafted file tries to read the server's files or to swell into gigabytes, so it was not read. Save the story again from the program that made it.");
        }
    }

    /// <summary>Where the first element starts ("&lt;" and a letter): everything before it is the XML prolog.</summary>
    private static int PrologEnd(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length - 1; i++)
        {
            if (bytes[i] == '<' && char.IsAsciiLetter((char)bytes[i + 1]))
            {
                return i;
            }
        }
        return bytes.Length;
    }

    /// <summary>Exact name first; zips made on Windows sometimes differ from their manifest in case only.</summary>
    private ZipArchiveEntry? Find(string name) =>
        _entries.GetValueOrDefault(name) ?? _entries.FirstOrDefault(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private byte[] ReadEntry(ZipArchiveEntry entry) => Guard(_what, () =>
    {
        using var stream = entry.Open();
        var output = new MemoryStream((int)Math.Min(entry.Length, 1024 * 1024));
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, read);
            _unpacked += read;
            if (output.Length > entry.Length)
            {
                throw new ImportException($"The {_what}'s part \"{entry.FullName}\" holds more than the zip says it does, so the file is damaged or made to mislead. Save it again from the program that made it.");
            }
            if (_unpacked > _maxUnpacked)
            {
                throw new ImportException(TooBig(_what, _maxUnpacked));
            }
        }
        var bytes = output.ToArray();
        if (Crc32.Of(bytes) != entry.Crc32)
        {
            throw new ImportException($"The {_what}'s part \"{entry.FullName}\" does not match the checksum the zip records for it, so the file is damaged. If it was downloaded, download it again; otherwise save it again from the program that made it.");
        }
        return bytes;
    });

    /// <summary>
    /// Runs a read of zipped content and turns what a damaged file throws (bad zip data, bad XML, a bad Office package)
    /// into an <see cref="ImportException"/> that says what to do.
    /// </summary>
    public static T Guard<T>(string what, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or OpenXmlPackageException or FileFormatException
            or IOException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new ImportException($"The {what} is damaged or incomplete ({e.Message.TrimEnd('.')}). If it was downloaded, download it again; otherwise open it in the program that made it and save it again.");
        }
    }

    public void Dispose() => _archive.Dispose();
}
