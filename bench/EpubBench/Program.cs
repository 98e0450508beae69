using System.Diagnostics;
using System.Globalization;
using System.Text;
using Makimono.Bench;
using Makimono.Exports;

// bench/epub.sh: the EPUB of a 200,000-word, 50-chapter work, written in process as the download endpoint writes
// it (after warming up, median of 15 runs), and the same chapters as one HTML file for pandoc.
// Usage: EpubBench OUTPUT_FOLDER   prints "epub_ms<TAB>…", "peak_mb<TAB>…", "words<TAB>…"
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: EpubBench OUTPUT_FOLDER");
    return 2;
}
var work = SyntheticWork.Build(50, 4_000, "<p>Fifty chapters of lanterns and rain.</p>");
var (wallMs, cpuMs, epub) = SyntheticWork.MedianOf(() => EpubWriter.Write(work), warmUps: 5, runs: 15);
File.WriteAllBytes(Path.Combine(args[0], "makimono.epub"), epub);

// The same chapter HTML for pandoc, one heading per chapter, as pandoc splits an EPUB at headings.
var book = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>The Long Benchmark</title></head><body>\n");
foreach (var chapter in work.Chapters)
{
    book.Append("<h1>").Append(chapter.Heading).Append("</h1>\n").Append(chapter.Body).Append('\n');
}
book.Append("</body></html>\n");
File.WriteAllText(Path.Combine(args[0], "book.html"), book.ToString());

Console.WriteLine($"epub_ms\t{wallMs.ToString("0.0", CultureInfo.InvariantCulture)}");
Console.WriteLine($"epub_cpu_ms\t{cpuMs.ToString("0.0", CultureInfo.InvariantCulture)}");
Console.WriteLine($"peak_mb\t{(Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture)}");
Console.WriteLine($"words\t{work.Words}");
Console.WriteLine($"epub_kb\t{epub.Length / 1024}");
return 0;
