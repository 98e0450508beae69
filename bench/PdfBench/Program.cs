using System.Diagnostics;
using System.Globalization;
using System.Text;
using Makimono.Exports;
using Makimono.Exports.Pdf;
using Makimono.Tags;
using Makimono.Text;

// bench/pdf.sh: the PDF of a 100,000-word, 25-chapter work (synthetic text), written in process as the download
// endpoint writes it (after two warm-up runs, median of 7).
// Usage: PdfBench OUTPUT_FOLDER   prints "pdf_ms<TAB>…", "pages<TAB>…", "pdf_mb<TAB>…", "peak_mb<TAB>…", "words<TAB>…"
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: PdfBench OUTPUT_FOLDER");
    return 2;
}
const int chapterCount = 25;
const int wordsPerChapter = 4_000;
var random = new Random(12);
string[] vocabulary =
[
    "the", "old", "lantern", "river", "quiet", "morning", "across", "bridge", "with", "a", "small", "cup", "of", "tea", "and",
    "rain", "against", "window", "letter", "never", "sent", "harbour", "market", "was", "still", "cold", "under", "stars",
    "Aren", "Talis", "Mirela", "walked", "looked", "laughed", "waited", "turned", "their", "hands", "slowly", "again", "because",
    "café", "naïve", "déjà", "“yes,”", "—", "Über",
];
string Chapter()
{
    // Paragraphs of synthetic story with some emphasis, dialogue and scene breaks, stored as the sanitizer leaves it.
    var html = new StringBuilder();
    var words = 0;
    while (words < wordsPerChapter)
    {
        var length = random.Next(40, 120);
        html.Append("<p>");
        for (var i = 0; i < length; i++)
        {
            var word = vocabulary[random.Next(vocabulary.Length)];
            html.Append(i == 0 ? "" : " ").Append(random.Next(30) == 0 ? $"<em>{word}</em>" : random.Next(60) == 0 ? $"<strong>{word}</strong>" : word);
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
var work = new ExportedWork
{
    Id = 1,
    Title = "The Long Benchmark",
    Creators = ["Quillwright"],
    CreatorUrls = ["https://archive.example/users/Quillwright/pseuds/Quillwright"],
    Language = "en",
    Summary = "<p>Twenty-five chapters of lanterns and rain.</p>",
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
    ChapterFraction = "25/25",
    Chapters = bodies.Select((b, i) => new ExportedChapter(i + 1, $"Part {i + 1}", null, null, null, b, $"https://archive.example/works/1/chapters/{i + 1}")).ToList(),
    Site = "https://archive.example",
};

for (var i = 0; i < 2; i++)
{
    PdfWriter.Write(work);
}
var times = new List<double>();
var cpuTimes = new List<double>();
byte[] pdf = [];
var process = Process.GetCurrentProcess();
for (var i = 0; i < 7; i++)
{
    // CPU time beside wall time: on a shared machine the wall time also counts the other processes' turns.
    process.Refresh();
    var cpu = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    pdf = PdfWriter.Write(work);
    times.Add(watch.Elapsed.TotalMilliseconds);
    process.Refresh();
    cpuTimes.Add((process.TotalProcessorTime - cpu).TotalMilliseconds);
}
times.Sort();
cpuTimes.Sort();
var path = Path.Combine(args[0], "makimono.pdf");
File.WriteAllBytes(path, pdf);
using var read = PdfSharp.Pdf.IO.PdfReader.Open(path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);

Console.WriteLine($"pdf_ms\t{times[times.Count / 2].ToString("0.0", CultureInfo.InvariantCulture)}");
Console.WriteLine($"pdf_cpu_ms\t{cpuTimes[cpuTimes.Count / 2].ToString("0.0", CultureInfo.InvariantCulture)}");
Console.WriteLine($"pages\t{read.PageCount}");
Console.WriteLine($"pdf_mb\t{(pdf.Length / 1024.0 / 1024.0).ToString("0.00", CultureInfo.InvariantCulture)}");
Console.WriteLine($"peak_mb\t{(Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture)}");
Console.WriteLine($"words\t{work.Words}");
return 0;
