using Makimono.Import.Formats;
using Makimono.Import;

namespace Makimono.Tests.Import;

/// <summary>The fixture files, written for these tests, copied beside the test assembly.</summary>
public static class Fixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", name);

    public static ImportedWork Import(string name)
    {
        var bytes = File.ReadAllBytes(PathOf(name));
        return FileImport.Read(name, Path.GetExtension(name), bytes);
    }

    /// <summary>The input as the nothing-lost check reads it: the text, or for HTML what a reader sees.</summary>
    public static string InputText(string name)
    {
        var text = TextDecoding.Decode(File.ReadAllBytes(PathOf(name))).Text;
        return Path.GetExtension(name) switch
        {
            ".html" => IndependentHtmlText.Of(text),
            ".md" => IndependentHtmlText.Of(MarkdownImport.ToHtml(text)),
            _ => text,
        };
    }

    public static TheoryData<string> TextAndHtml => new(
        "labelled-front-matter.txt", "chatty-note-then-summary.txt", "ao3-text-markers.txt", "title-line-only.txt",
        "ffn-conventions.txt", "roman-numerals.txt", "generic.html", "markdown-chapters.md",
        "windows-1252.txt", "utf-16le-no-bom.txt");
}
