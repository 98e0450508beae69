using System.Text;
using Makimono.Accounts;
using Makimono.Database;
using Makimono.Hosting;
using Makimono.Tags;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Dev;

/// <summary>What `makimono dev generate` makes: how many works, from which seed, and body length (0: a one-line body).</summary>
public sealed record GenerateOptions(int Works, int Seed, int BodyWords);

public sealed record GenerateSummary(int Works, int Tags, long WorkTags, int Users);

/// <summary>
/// A deterministic archive with AO3's shapes, written straight to the tables with bulk inserts: 10,000 fandoms, 60,000
/// characters and 50,000 relationships (each fandom owning a block of them, sized by its popularity), 80,000
/// additional tags; about 17 tags a work, drawn Zipf–Mandelbrot so that the most used tag of each type sits on about
/// 10% of works; AO3's rating and warning proportions; log-normal word counts around 5,000; optional bodies.
/// The same seed gives the same archive.
/// </summary>
public static class CorpusGenerator
{
    public const int Fandoms = 10_000, Characters = 60_000, Relationships = 50_000, Freeforms = 80_000;
    public const int FirstFandomId = FixedTags.FirstUserTagId;
    public const int FirstCharacterId = FirstFandomId + Fandoms;
    public const int FirstRelationshipId = FirstCharacterId + Characters;
    public const int FirstFreeformId = FirstRelationshipId + Relationships;
    private const double S = 1.1;

    private static readonly (int Id, double P)[] RatingShares = [(2, 0.30), (3, 0.30), (4, 0.15), (5, 0.15), (1, 0.10)];
    private static readonly (int Id, double P)[] WarningShares = [(14, 0.45), (11, 0.30), (12, 0.12), (13, 0.06), (15, 0.04), (16, 0.03)];
    private static readonly (int Id, double P)[] CategoryShares = [(24, 0.35), (22, 0.25), (23, 0.20), (21, 0.10), (25, 0.05), (26, 0.05)];
    private static readonly (string Code, double P)[] LanguageShares =
        [("en", 0.90), ("zh", 0.02), ("es", 0.01), ("ru", 0.01), ("fr", 0.01), ("de", 0.01), ("pt", 0.01), ("it", 0.01), ("ja", 0.01), ("ko", 0.005), ("pl", 0.005)];
    private static readonly string[] TitleWords = ("shadow leaf night storm silver red blue last first promise letter winter summer home road "
        + "sky sea fire ash bone glass river moon sun star heart rain wolf fox crow song dance quiet broken hidden little long lost").Split(' ');

    public static async Task<GenerateSummary> RunAsync(ArchiveDbContext db, GenerateOptions options, IProgress<int>? progress, CancellationToken ct)
    {
        if (await db.Works.AnyAsync(ct) || await db.Tags.AnyAsync(t => t.Id >= FixedTags.FirstUserTagId, ct))
        {
            throw new InvalidOperationException("dev generate writes into an empty archive only: this one already has works or tags. Use a new --data folder.");
        }
        var random = new Random(options.Seed);
        var fandomPick = ZipfSampler.WithTopShare(Fandoms, S, 0.07);
        var freeformPick = ZipfSampler.WithTopShare(Freeforms, S, 0.014);
        var characterBlocks = Blocks(Characters, fandomPick);
        var relationshipBlocks = Blocks(Relationships, fandomPick);
        var inBlock = new Dictionary<int, ZipfSampler>();
        ZipfSampler BlockSampler(int size) => inBlock.TryGetValue(size, out var s) ? s : inBlock[size] = new ZipfSampler(size, S, 1);
        var users = Math.Max(1, options.Works / 20);
        var userPick = new ZipfSampler(users, 1.0, 2);
        var vocabulary = Vocabulary(new Random(options.Seed + 1), 5_000);
        var wordPick = new ZipfSampler(vocabulary.Length, 1.0, 2);
        var created = new DateTime(2025, 12, 31, 0, 0, 0, DateTimeKind.Utc);

        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        if (provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF;", ct);
        }
        await using var transaction = await connection.BeginTransactionAsync(ct);
        using (var userRows = new BulkInsert<User>(db, connection, transaction))
        using (var pseudRows = new BulkInsert<Pseud>(db, connection, transaction))
        {
            for (var u = 1; u <= users; u++)
            {
                var name = $"writer{u}";
                userRows.Add(new User
                {
                    Id = u, UserName = name, NormalizedUserName = AccountNames.Normalize(name), Email = $"{name}@example.invalid",
                    // Not a hash of any password: generated writers cannot log in.
                    PasswordHash = "!", CreatedAt = created,
                });
                pseudRows.Add(new Pseud { Id = u, UserId = u, Name = name, NormalizedName = AccountNames.Normalize(name), IsDefault = true });
            }
        }
        var tagCount = 0;
        using (var tagRows = new BulkInsert<Tag>(db, connection, transaction))
        using (var parentRows = new BulkInsert<TagParent>(db, connection, transaction))
        {
            void AddTag(int id, string name, TagType type, int? fandom)
            {
                tagRows.Add(new Tag { Id = id, Name = name, NormalizedName = TagName.Normalize(name), Type = type, IsCanonical = true, CreatedAt = created });
                if (fandom is int parent)
                {
                    parentRows.Add(new TagParent { ChildId = id, ParentId = parent });
                }
                tagCount++;
            }
            for (var f = 0; f < Fandoms; f++)
            {
                AddTag(FirstFandomId + f, $"Fandom {f + 1}", TagType.Fandom, null);
            }
            for (var f = 0; f < Fandoms; f++)
            {
                for (var r = 0; r < characterBlocks.Sizes[f]; r++)
                {
                    AddTag(FirstCharacterId + characterBlocks.Starts[f] + r, $"Character {r + 1} (Fandom {f + 1})", TagType.Character, FirstFandomId + f);
                }
                for (var r = 0; r < relationshipBlocks.Sizes[f]; r++)
                {
                    AddTag(FirstRelationshipId + relationshipBlocks.Starts[f] + r, $"Relationship {r + 1} (Fandom {f + 1})", TagType.Relationship, FirstFandomId + f);
                }
            }
            for (var i = 0; i < Freeforms; i++)
            {
                AddTag(FirstFreeformId + i, $"Freeform {i + 1}", TagType.Freeform, null);
            }
        }

        long workTags = 0;
        var start = new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var span = TimeSpan.FromDays(3650);
        using (var workRows = new BulkInsert<Work>(db, connection, transaction))
        using (var chapterRows = new BulkInsert<Chapter>(db, connection, transaction))
        using (var creatorRows = new BulkInsert<WorkCreator>(db, connection, transaction))
        using (var tagRows = new BulkInsert<WorkTag>(db, connection, transaction))
        using (var filterRows = new BulkInsert<WorkFilterTag>(db, connection, transaction))
        {
            var tags = new SortedSet<int>();
            var fandoms = new List<int>();
            for (var id = 1; id <= options.Works; id++)
            {
                ct.ThrowIfCancellationRequested();
                tags.Clear();
                fandoms.Clear();
                tags.Add(Pick(random, RatingShares));
                var warnings = random.NextDouble() < 0.8 ? 1 : 2;
                while (tags.Count < 1 + warnings)
                {
                    tags.Add(Pick(random, WarningShares));
                }
                var categories = Pick(random, [(0, 0.10), (1, 0.75), (2, 0.15)]);
                for (var c = 0; c < categories; c++)
                {
                    tags.Add(Pick(random, CategoryShares));
                }
                var fandomCount = Pick(random, [(1, 0.75), (2, 0.18), (3, 0.07)]);
                while (fandoms.Count < fandomCount)
                {
                    var f = fandomPick.Next(random);
                    if (!fandoms.Contains(f))
                    {
                        fandoms.Add(f);
                        tags.Add(FirstFandomId + f);
                    }
                }
                var characterCount = 1 + Poisson(random, 3.5);
                for (var c = 0; c < characterCount; c++)
                {
                    var f = fandoms[random.Next(fandoms.Count)];
                    tags.Add(FirstCharacterId + characterBlocks.Starts[f] + BlockSampler(characterBlocks.Sizes[f]).Next(random));
                }
                var relationshipCount = Poisson(random, 2.2);
                for (var r = 0; r < relationshipCount; r++)
                {
                    var f = fandoms[random.Next(fandoms.Count)];
                    tags.Add(FirstRelationshipId + relationshipBlocks.Starts[f] + BlockSampler(relationshipBlocks.Sizes[f]).Next(random));
                }
                var freeformCount = Poisson(random, 7.6);
                for (var i = 0; i < freeformCount; i++)
                {
                    tags.Add(FirstFreeformId + freeformPick.Next(random));
                }

                var words = (int)Math.Clamp(Math.Round(Math.Exp(Math.Log(5000) + 1.2 * Normal(random))), 100, 500_000);
                var kudos = (int)Math.Clamp(Math.Floor(40.0 / (Math.Pow(2, 1 / 1.5) - 1) * (Math.Pow(random.NextDouble(), -1 / 1.5) - 1)), 0, 1_000_000);
                var posted = start + span * Math.Sqrt((id - 0.5) / options.Works);
                var updated = random.NextDouble() < 0.5 ? posted : posted + TimeSpan.FromDays(Math.Floor(-90 * Math.Log(1 - random.NextDouble())));
                if (updated > start + span)
                {
                    updated = start + span;
                }
                var complete = random.NextDouble() < 0.6;
                var title = $"{Capital(TitleWords[random.Next(TitleWords.Length)])} {TitleWords[random.Next(TitleWords.Length)]} {TitleWords[random.Next(TitleWords.Length)]}";
                var language = PickCode(random, LanguageShares);
                var body = options.BodyWords > 0 ? Body(random, vocabulary, wordPick, options.BodyWords) : $"<p>Generated work {id}.</p>";
                var wordCount = options.BodyWords > 0 ? options.BodyWords : words;
                workRows.Add(new Work
                {
                    Id = id, Title = title, Summary = $"A story of {TitleWords[random.Next(TitleWords.Length)]} and {TitleWords[random.Next(TitleWords.Length)]}.",
                    Language = language, ExpectedChapters = complete ? 1 : null, IsComplete = complete,
                    PublishedOn = DateOnly.FromDateTime(posted), UpdatedAt = updated, CreatedAt = posted, IsDraft = false,
                    WordCount = wordCount, PostedChapterCount = 1, IsCrossover = fandomCount > 1,
                    KudosCount = kudos, HitCount = kudos * (5 + random.Next(25)) + random.Next(50), CommentCount = kudos / (5 + random.Next(10)),
                    BookmarkCount = kudos / (4 + random.Next(8)),
                });
                chapterRows.Add(new Chapter
                {
                    Id = id, WorkId = id, Position = 1, Body = body, WordCount = wordCount, PublishedOn = DateOnly.FromDateTime(posted), UpdatedAt = updated,
                });
                creatorRows.Add(new WorkCreator { WorkId = id, PseudId = 1 + userPick.Next(random), Accepted = true, Position = 0 });
                foreach (var tag in tags)
                {
                    tagRows.Add(new WorkTag { WorkId = id, TagId = tag });
                    filterRows.Add(new WorkFilterTag { WorkId = id, TagId = tag });
                }
                workTags += tags.Count;
                if (id % 10_000 == 0)
                {
                    progress?.Report(id);
                }
            }
        }
        await transaction.CommitAsync(ct);
        if (provider == DatabaseProvider.Postgres)
        {
            foreach (var table in new[] { "Users", "Pseuds", "Tags", "Works", "Chapters" })
            {
#pragma warning disable EF1002 // Table names are the constants above.
                await db.Database.ExecuteSqlRawAsync($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT max(\"Id\") FROM \"{table}\"))", ct);
#pragma warning restore EF1002
            }
        }
        progress?.Report(options.Works);
        return new GenerateSummary(options.Works, tagCount, workTags, users);
    }

    private sealed record BlockLayout(int[] Starts, int[] Sizes);

    /// <summary>Each fandom owns 1 + a share of the rest in proportion to its popularity.</summary>
    private static BlockLayout Blocks(int total, ZipfSampler fandoms)
    {
        var sizes = new int[Fandoms];
        var shares = new double[Fandoms];
        var previous = 0.0;
        var probe = new double[Fandoms];
        // The sampler's cumulative shares, recovered by differences.
        for (var f = 0; f < Fandoms; f++)
        {
            probe[f] = CumulativeOf(fandoms, f);
            shares[f] = probe[f] - previous;
            previous = probe[f];
        }
        var rest = total - Fandoms;
        var given = 0;
        for (var f = 0; f < Fandoms; f++)
        {
            sizes[f] = 1 + (int)Math.Floor(rest * shares[f]);
            given += sizes[f];
        }
        for (var f = 0; given < total; f++)
        {
            sizes[f % Fandoms]++;
            given++;
        }
        var starts = new int[Fandoms];
        for (var f = 1; f < Fandoms; f++)
        {
            starts[f] = starts[f - 1] + sizes[f - 1];
        }
        return new BlockLayout(starts, sizes);
    }

    private static double CumulativeOf(ZipfSampler sampler, int rank) => sampler.Cumulative(rank);

    private static int Pick(Random random, (int Value, double P)[] shares)
    {
        var x = random.NextDouble();
        foreach (var (value, p) in shares)
        {
            if ((x -= p) < 0)
            {
                return value;
            }
        }
        return shares[^1].Value;
    }

    private static string PickCode(Random random, (string Value, double P)[] shares)
    {
        var x = random.NextDouble();
        foreach (var (value, p) in shares)
        {
            if ((x -= p) < 0)
            {
                return value;
            }
        }
        return shares[^1].Value;
    }

    private static int Poisson(Random random, double lambda)
    {
        var limit = Math.Exp(-lambda);
        var k = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            k++;
            product *= random.NextDouble();
        }
        return k;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>Pronounceable made-up words, so phrase queries over generated bodies behave like queries over prose.</summary>
    private static string[] Vocabulary(Random random, int size)
    {
        string[] onsets = ["b", "k", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "sh", "ch", "th", "br", "st", "tr"];
        string[] vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"];
        var words = new HashSet<string>();
        while (words.Count < size)
        {
            var syllables = 1 + random.Next(3);
            var word = new StringBuilder();
            for (var s = 0; s < syllables; s++)
            {
                word.Append(onsets[random.Next(onsets.Length)]).Append(vowels[random.Next(vowels.Length)]);
            }
            if (random.Next(3) == 0)
            {
                word.Append(onsets[random.Next(10)]);
            }
            words.Add(word.ToString());
        }
        return words.Order(StringComparer.Ordinal).ToArray();
    }

    private static string Body(Random random, string[] vocabulary, ZipfSampler pick, int words)
    {
        var body = new StringBuilder(words * 7);
        for (var w = 0; w < words; w++)
        {
            if (w % 120 == 0)
            {
                body.Append(w == 0 ? "<p>" : "</p><p>");
            }
            else
            {
                body.Append(' ');
            }
            body.Append(vocabulary[pick.Next(random)]);
        }
        return body.Append("</p>").ToString();
    }
}
