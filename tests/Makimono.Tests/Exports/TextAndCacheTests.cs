using System.Text;
using Makimono.Exports;
using Xunit;

namespace Makimono.Tests.Exports;

public sealed class TextAndCacheTests
{
    private static string Text(ExportedWork work) => Encoding.UTF8.GetString(PlainTextWriter.Write(work)).TrimStart('\uFEFF');

    [Fact]
    public void Text_is_wrapped_at_72_columns_without_breaking_words()
    {
        var longParagraph = string.Join(' ', Enumerable.Repeat("lanterns drift over the quiet river", 30));
        var text = Text(SampleExports.Work(10, "Wrapped", "en", ("One", $"<p>{longParagraph}</p><p>https://example.org/{new string('x', 90)}</p>")));
        var lines = text.Split('\n');
        // The header's "Label: value" lines stay whole, one a line, for tools that read them; the text is wrapped.
        var chapterText = lines.SkipWhile(l => l != "Chapter 1: One").ToList();
        Assert.NotEmpty(chapterText);
        Assert.All(chapterText.Where(l => !l.StartsWith("https://", StringComparison.Ordinal)), l => Assert.True(l.Length <= PlainTextWriter.Width, $"too long: {l}"));
        // The paragraph's words are all there, in order, over several lines.
        var wrapped = string.Join(' ', lines.SkipWhile(l => !l.StartsWith("lanterns", StringComparison.Ordinal)).TakeWhile(l => l.Length > 0));
        Assert.Equal(longParagraph, wrapped);
        Assert.Contains($"https://example.org/{new string('x', 90)}", lines);
    }

    [Fact]
    public void Text_keeps_scene_breaks_and_does_not_split_cjk()
    {
        var cjk = string.Concat(Enumerable.Repeat("雪が静かに降っていた。", 20));
        var text = Text(SampleExports.Work(11, "Scenes", "ja", ("One", $"<p>Before.</p><hr><p>After.</p><p>{cjk}</p>")));
        Assert.Contains("Before.\n\n* * *\n\nAfter.", text, StringComparison.Ordinal);
        Assert.Contains(cjk, text.Split('\n'));
    }

    [Fact]
    public void The_cache_reuses_a_file_until_the_content_changes_and_keeps_within_its_size()
    {
        using var cache = new DownloadCache();
        var work = SampleExports.SeveralChapters();
        var fingerprint = work.Fingerprint();
        var first = cache.Get(work, fingerprint, DownloadFormat.Epub);
        Assert.Same(first, cache.Get(work, fingerprint, DownloadFormat.Epub));
        Assert.NotSame(first, cache.Get(work, fingerprint, DownloadFormat.Html));

        var renamed = SampleExports.Work(work.Id, "A New Title", "en", ("The Storm", "<p>It was the kind of morning that makes promises.</p>"));
        Assert.NotEqual(fingerprint, renamed.Fingerprint());
        Assert.NotEqual(first.ETag, cache.Get(renamed, renamed.Fingerprint(), DownloadFormat.Epub).ETag);

        // A cache smaller than one file keeps nothing, and generates each time.
        using var tiny = new DownloadCache(sizeLimitBytes: 1024);
        Assert.NotSame(tiny.Get(work, fingerprint, DownloadFormat.Epub), tiny.Get(work, fingerprint, DownloadFormat.Epub));
    }
}
