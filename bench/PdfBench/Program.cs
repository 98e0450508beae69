using System.Diagnostics;
using System.Globalization;
using Makimono.Bench;
using Makimono.Exports.Pdf;

// bench/pdf.sh: the PDF of a 100,000-word, 25-chapter work (synthetic text), written in process as the download
// endpoint writes it (after two warm-up runs, median of 7).
// Usage: PdfBench OUTPUT_FOLDER   prints "pdf_ms<TAB>…", "pages<TAB>…", "pdf_mb<TAB>…", "peak_mb<TAB>…", "words<TAB>…"
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: PdfBench OUTPUT_FOLDER");
    return 2;
}
var work = SyntheticWork.Build(25, 4_000, "<p>Twenty-five chapters of lanterns and rain.</p>",
    extraWords: ["café", "naïve", "déjà", "“yes,”", "—", "Über"], bold: true);
var (wallMs, cpuMs, pdf) = SyntheticWork.MedianOf(() => PdfWriter.Write(work), warmUps: 2, runs: 7);
var path = Path.Combine(args[0], "makimono.pdf");
File.WriteAllBytes(path, pdf);
using var read = PdfSharp.Pdf.IO.PdfReader.Open(path, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);

Console.WriteLine($"pdf_ms\t{wallMs.ToString("0.0", CultureInfo.InvariantCulture)}");
Console.WriteLine($"pdf_cpu_ms\t{cpuMs.ToString("0.0", CultureInfo.InvariantCulture)}");
Console.WriteLine($"pages\t{read.PageCount}");
Console.WriteLine($"pdf_mb\t{(pdf.Length / 1024.0 / 1024.0).ToString("0.00", CultureInfo.InvariantCulture)}");
Console.WriteLine($"peak_mb\t{(Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture)}");
Console.WriteLine($"words\t{work.Words}");
return 0;
