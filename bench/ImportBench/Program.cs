using System.Diagnostics;
using System.Text;
using Makimono.Bench;
using Makimono.Import.Formats;

// ImportBench generate DIR: writes big.txt, big.html (~10 MB each) and small/ (10,000 short stories).
// ImportBench parse FILE...: the in-process parse throughput of each file, best of 3, in MB/s.
const int BigBytes = 10 * 1024 * 1024;

switch (args)
{
    case ["generate", var dir]:
        Directory.CreateDirectory(Path.Combine(dir, "small"));
        File.WriteAllText(Path.Combine(dir, "big.txt"), new SyntheticStory(1).PlainText(BigBytes, "The Lantern Keepers"), Encoding.UTF8);
        File.WriteAllText(Path.Combine(dir, "big.html"), new SyntheticStory(2).Html(BigBytes, "The Lantern Keepers"), Encoding.UTF8);
        var story = new SyntheticStory(3);
        for (var i = 0; i < 10_000; i++)
        {
            // Small files: a few KB each, every fifth one HTML, as a folder of old downloads would be.
            var file = Path.Combine(dir, "small", $"story-{i:D5}" + (i % 5 == 0 ? ".html" : ".txt"));
            File.WriteAllText(file, i % 5 == 0 ? story.Html(3000, $"Small Story {i}") : story.PlainText(3000, $"Small Story {i}"));
        }
        return 0;
    case ["parse", .. var files]:
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var best = double.MaxValue;
            for (var run = 0; run < 4; run++)
            {
                // Each parse starts from a settled heap, as one file's import does, and as BenchmarkDotNet
                // settles it before each iteration: otherwise the last parse's garbage is collected in this one.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var clock = Stopwatch.StartNew();
                // The bench files are made a little over 10 MB; the size limit is not what is measured.
                var work = FileImport.Read(Path.GetFileName(file), Path.GetExtension(file), bytes, new ImportOptions { MaxBytes = 64 * 1024 * 1024 });
                clock.Stop();
                if (work.Chapters.Count == 0)
                {
                    throw new InvalidOperationException($"{file}: no chapters recognised");
                }
                // The first run is warm-up (JIT, regex construction); the best of the other three counts.
                if (run > 0)
                {
                    best = Math.Min(best, clock.Elapsed.TotalSeconds);
                }
            }
            Console.WriteLine($"{file}\t{bytes.Length / 1024.0 / 1024.0 / best:0.00}");
        }
        return 0;
    default:
        Console.Error.WriteLine("usage: ImportBench generate DIR | ImportBench parse FILE...");
        return 2;
}
