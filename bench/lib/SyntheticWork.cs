using System.Diagnostics;
using System.Text;
using Makimono.Exports;
using Makimono.Tags;
using Makimono.Text;

namespace Makimono.Bench;

/// <summary>
/// The long work the download benchmarks write (EpubBench, PdfBench): seeded synthetic chapters stored as the sanitizer
/// leaves them, and the median of timed runs. Linked into each benchmark project, so their figures stay comparable.
/// </summary>
internal static class SyntheticWork
{
    private static readonly string[] Vocabulary =
    [
        "the", "old", "lantern", "river", "quiet", "morning", "across", "bridge", "with", "a", "small", "cup", "of", "tea", "and",
        "rain", "against", "window", "letter", "never", "sent", "harbour", "market", "was", "still", "cold", "under", "stars",
        "Aren", "Talis", "Mirela", "walked", "looked", "laughed", "waited", "turned", "their", "hands", "slowly", "again", "because",
    ];

    /// <summary>
    /// A work of <paramref name="chapterCount"/> chapters of about <paramref name="wordsPerChapter"/> words. Extra words
    /// (accents, typographic quotes) and bold runs are for the formats that set type themselves.
    /// </summary>
    public static ExportedWork Build(int chapterCount, int wordsPerChapter, string summary, string[]? extraWords = null, bool bold = false)
    {
        var random = new Random(12);
        var vocabulary = Vocabulary.Concat(extraWords ?? []).ToArray();
        string Chapter()
        {
            // Paragraphs of synthetic story with some emphasis and scene breaks.
            var html = new StringBuilder();
            var words = 0;
            while (words < wordsPerChapter)
            {
                var length = random.Next(40, 120);
                html.Append("<p>");
                for (var i = 0; i < length; i++)
                {
                    var word = vocabulary[random.Next(vocabulary.Length)];
                    html.Append(i == 0 ? "" : " ").Append(random.Next(30) == 0 ? $"<em>{word}</em>" : bold && random.Next(60) == 0 ? $"<strong>{word}</strong>" : word);
                }
                html.Append(".</p>\n");
                words += length;
                if (random.Next(25) == 0)
                {
                    html.Append("<hr>\n");
                }
            }
            return UserHtml.FromUserInput(html.ToString()).Html;
        }
        var bodies = Enumerable.Range(0, chapterCount).Select(_ => Chapter()).ToList();
        return new ExportedWork
        {
            Id = 1,
            Title = "The Long Benchmark",
            Creators = ["Quillwright"],
            CreatorUrls = ["https://archive.example/users/Quillwright/pseuds/Quillwright"],
            Language = "en",
            Summary = summary,
            Notes = "<p>Written for the benchmark.</p>",
            EndNotes = "<p>Thank you for reading.</p>",
            Tags =
            [
                new(TagType.Rating, "Rating", ["Teen And Up Audiences"], ["https://archive.example/tags/Teen%20And%20Up%20Audiences/works"]),
                new(TagType.Fandom, "Fandom", ["Original Work"], ["https://archive.example/tags/Original%20Work/works"]),
            ],
            Series = [],
            PublishedOn = new DateOnly(2024, 1, 5),
            Modified = new DateTime(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc),
            ShowsUpdated = true,
            IsComplete = true,
            Words = bodies.Sum(WordCounter.CountHtml),
            ChapterFraction = $"{chapterCount}/{chapterCount}",
            Chapters = bodies.Select((b, i) => new ExportedChapter(i + 1, $"Part {i + 1}", null, null, null, b, $"https://archive.example/works/1/chapters/{i + 1}")).ToList(),
            Site = "https://archive.example",
        };
    }

    /// <summary>
    /// Runs <paramref name="write"/> <paramref name="warmUps"/> times untimed, then <paramref name="runs"/> times, and
    /// gives the median wall and CPU milliseconds and the last output. CPU time stands beside wall time because on a
    /// shared machine the wall time also counts the other processes' turns.
    /// </summary>
    public static (double WallMs, double CpuMs, byte[] Output) MedianOf(Func<byte[]> write, int warmUps, int runs)
    {
        for (var i = 0; i < warmUps; i++)
        {
            write();
        }
        var times = new List<double>();
        var cpuTimes = new List<double>();
        byte[] output = [];
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            output = write();
            times.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpuTimes.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
        }
        times.Sort();
        cpuTimes.Sort();
        return (times[times.Count / 2], cpuTimes[cpuTimes.Count / 2], output);
    }
}
