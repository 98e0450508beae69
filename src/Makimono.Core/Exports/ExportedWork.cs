using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Makimono.Tags;
using Makimono.Works;

namespace Makimono.Exports;

/// <summary>One list of the work's tags as the work page shows it: "Relationships:" and its names.</summary>
public sealed record ExportedTagList(TagType Type, string Label, IReadOnlyList<string> Names, IReadOnlyList<string> Urls);

public sealed record ExportedSeries(string Title, int Position, string Url);

public sealed record ExportedChapter(int Number, string? Title, string? Summary, string? Notes, string? EndNotes, string Body, string Url)
{
    /// <summary>"Chapter 2: The Storm", or "Chapter 2"; AO3's headings, which its importers know.</summary>
    public string Heading => Title is null ? $"Chapter {Number}" : $"Chapter {Number}: {Title}";
}

/// <summary>
/// Everything a download holds, taken from the work and the chapters this viewer may read, with absolute links so
/// the file works away from the archive. The writers read only this; its <see cref="Fingerprint"/> is the ETag.
/// </summary>
public sealed class ExportedWork
{
    /// <summary>Raise when a writer's output changes, so that caches and ETags made by the old writers are not reused.</summary>
    private const string WriterVersion = "exports-1";

    public required int Id { get; init; }
    public required string Title { get; init; }
    /// <summary>As the byline shows them: "pseud", or "pseud (user)" when they differ.</summary>
    public required IReadOnlyList<string> Creators { get; init; }
    /// <summary>Each creator's pseud page, in the order of <see cref="Creators"/>.</summary>
    public required IReadOnlyList<string> CreatorUrls { get; init; }
    public required string Language { get; init; }
    public string? Summary { get; init; }
    public string? Notes { get; init; }
    public string? EndNotes { get; init; }
    public required IReadOnlyList<ExportedTagList> Tags { get; init; }
    public required IReadOnlyList<ExportedSeries> Series { get; init; }
    public required DateOnly PublishedOn { get; init; }
    /// <summary>The last change of the text the file holds, to the second: dcterms:modified and Last-Modified.</summary>
    public required DateTime Modified { get; init; }
    public required bool ShowsUpdated { get; init; }
    public required bool IsComplete { get; init; }
    public required int Words { get; init; }
    public required string ChapterFraction { get; init; }
    public required IReadOnlyList<ExportedChapter> Chapters { get; init; }
    /// <summary>The archive's address, such as "https://archive.example"; links and the identifier are made from it.</summary>
    public required string Site { get; init; }
    public string Url => $"{Site}/works/{Id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A name-based (version 5) UUID of the work's address: the same book on every download, a new one for another archive.</summary>
    public Guid Identifier => NameBasedUuid(Url);

    /// <summary>The creators for a byline or a file name; "Anonymous" when no one has accepted yet.</summary>
    public string Byline => Creators.Count == 0 ? "Anonymous" : string.Join(", ", Creators);

    public string LanguageName
    {
        get
        {
            try
            {
                var culture = CultureInfo.GetCultureInfo(Language);
                return culture.NativeName is { Length: > 0 } name && !culture.Equals(CultureInfo.InvariantCulture) ? name : Language;
            }
            catch (CultureNotFoundException)
            {
                return Language;
            }
        }
    }

    /// <param name="chapters">The chapters this viewer may read (<see cref="WorkAccess.ReadableChapters"/>), in order.</param>
    /// <param name="site">Scheme, host and path base of the archive, without a trailing slash.</param>
    public static ExportedWork From(Work work, IEnumerable<Chapter> chapters, string site)
    {
        site = site.TrimEnd('/');
        var workUrl = $"{site}/works/{work.Id.ToString(CultureInfo.InvariantCulture)}";
        var tagLists = new List<ExportedTagList>();
        foreach (var type in new[] { TagType.Rating, TagType.ArchiveWarning, TagType.Category, TagType.Fandom, TagType.Relationship, TagType.Character, TagType.Freeform })
        {
            var names = WorkListing.TagsOfType(work, type).Select(t => t.Name).ToList();
            if (names.Count == 0)
            {
                continue;
            }
            // AO3 labels additional tags in the plural even for one, and importers look for that label.
            var label = names.Count == 1 && type != TagType.Freeform ? TagTypeNames.Singular(type) : TagTypeNames.Plural(type);
            tagLists.Add(new ExportedTagList(type, label, names, names.Select(n => site + TagUrl.WorksPath(n)).ToList()));
        }
        var readable = chapters.ToList();
        var creators = work.Creators.Where(c => c.Accepted).OrderBy(c => c.Position).ToList();
        var modified = readable.Select(c => c.UpdatedAt).Append(work.UpdatedAt).Max();
        return new ExportedWork
        {
            Id = work.Id,
            Title = work.Title,
            Creators = creators.Select(c => c.Pseud.Name == c.Pseud.User.UserName ? c.Pseud.Name : $"{c.Pseud.Name} ({c.Pseud.User.UserName})").ToList(),
            CreatorUrls = creators.Select(c => $"{site}/users/{Uri.EscapeDataString(c.Pseud.User.UserName)}/pseuds/{Uri.EscapeDataString(c.Pseud.Name)}").ToList(),
            Language = string.IsNullOrWhiteSpace(work.Language) ? "en" : work.Language,
            Summary = work.Summary,
            Notes = work.Notes,
            EndNotes = work.EndNotes,
            Tags = tagLists,
            Series = work.Series.OrderBy(s => s.Series.Title, StringComparer.Ordinal)
                .Select(s => new ExportedSeries(s.Series.Title, s.Position, $"{site}/series/{s.SeriesId.ToString(CultureInfo.InvariantCulture)}")).ToList(),
            PublishedOn = work.PublishedOn,
            Modified = new DateTime(modified.Ticks - (modified.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc),
            ShowsUpdated = work.PostedChapterCount > 1,
            IsComplete = work.IsComplete,
            Words = work.WordCount,
            ChapterFraction = WorkStats.ChapterFraction(work),
            Chapters = readable.Select((c, i) => new ExportedChapter(i + 1, c.Title, c.Summary, c.Notes, c.EndNotes, c.Body,
                $"{workUrl}/chapters/{c.Id.ToString(CultureInfo.InvariantCulture)}")).ToList(),
            Site = site,
        };
    }

    /// <summary>
    /// A hash of everything the writers read, so a download changes its ETag exactly when its content would change
    /// (a renamed tag or pseud included, which no timestamp of the work records).
    /// </summary>
    public string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? value)
        {
            Span<byte> length = stackalloc byte[5];
            length[0] = value is null ? (byte)0 : (byte)1;
            BitConverter.TryWriteBytes(length[1..], value?.Length ?? 0);
            hash.AppendData(length);
            if (value is not null)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(value));
            }
        }
        Add(WriterVersion);
        Add(Site);
        Add(Id.ToString(CultureInfo.InvariantCulture));
        Add(Title);
        Creators.ToList().ForEach(Add);
        CreatorUrls.ToList().ForEach(Add);
        Add(Language);
        Add(Summary);
        Add(Notes);
        Add(EndNotes);
        foreach (var list in Tags)
        {
            Add(list.Label);
            list.Names.ToList().ForEach(Add);
        }
        foreach (var series in Series)
        {
            Add(series.Title);
            Add(series.Position.ToString(CultureInfo.InvariantCulture));
            Add(series.Url);
        }
        Add(PublishedOn.ToString("O", CultureInfo.InvariantCulture));
        Add(Modified.ToString("O", CultureInfo.InvariantCulture));
        Add($"{ShowsUpdated}{IsComplete}{Words}{ChapterFraction}");
        foreach (var chapter in Chapters)
        {
            Add(chapter.Url);
            Add(chapter.Title);
            Add(chapter.Summary);
            Add(chapter.Notes);
            Add(chapter.EndNotes);
            Add(chapter.Body);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset()[..16]);
    }

    private static Guid NameBasedUuid(string name)
    {
        // RFC 9562 version 5 in the URL namespace.
        var urlNamespace = new Guid("6ba7b811-9dad-11d1-80b4-00c04fd430c8").ToByteArray(bigEndian: true);
        var input = urlNamespace.Concat(Encoding.UTF8.GetBytes(name)).ToArray();
        // Version 5 is defined on SHA-1; it names a book here and protects nothing.
#pragma warning disable CA5350
        var hash = SHA1.HashData(input)[..16];
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }
}
