using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Makimono.Exports;
using Makimono.Tags;

namespace Makimono.Tests.Exports;

/// <summary>
/// A work with every field and rich HTML for the PDF tests, and the words of its source found by another route than
/// the PDF writer's: tags stripped by a regular expression, entities decoded by WebUtility.
/// </summary>
public static partial class PdfSample
{
    /// <summary>Every script the PDF is meant to show, one sentence each.</summary>
    public static readonly (string Script, string Text)[] Scripts =
    [
        ("Latin with diacritics", "Ça déjà vu: Ærøskøbing, Łódź, Şişli, naïve façade."),
        ("Cyrillic", "Съешь же ещё этих мягких французских булок."),
        ("Greek", "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία."),
        ("Typographic punctuation", "“Quoted” ‘single’ — dash – en dash … ellipsis «guillemets»"),
        ("Japanese", "雪が静かに降っていた。ひらがなとカタカナ。"),
        ("Chinese", "他们在城市里走了很久。"),
        ("Korean", "서울의 밤은 길었다."),
        ("Hebrew", "שלום עולם"),
        ("Arabic", "مرحبا بالعالم"),
    ];

    public const string RichChapter = """
        <p>The river was <em>dark</em> and <strong>cold</strong>, and the <u>lanterns</u> <s>sank</s> floated.<br>A line of its own.</p>
        <h2>A heading inside</h2>
        <blockquote><p>A quotation that someone said long ago.</p></blockquote>
        <ul><li>First bullet</li><li>Second bullet</li></ul>
        <ol start="3"><li>Third item</li><li>Fourth item</li></ol>
        <ol type="i" start="4"><li>Roman item</li></ol>
        <hr>
        <p>After the scene break, <a href="https://example.org/map">a linked map</a> and <code>some code</code>.</p>
        <p>Before the picture <img src="https://example.org/cat.jpg" alt="a sleeping cat"> after the picture.</p>
        <pre>kept   spacing
        second line</pre>
        <table><tr><th>Name</th><th>Age</th></tr><tr><td>Ana</td><td>thirty</td></tr></table>
        <p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby> ruby text and <sup>raised</sup> <sub>lowered</sub> <small>small</small>.</p>
        <center>Centred words</center>
        <p align="right">Right-aligned words</p>
        """;

    public static ExportedWork Work(int paragraphsPerChapter = 3)
    {
        var scripts = string.Concat(Scripts.Select(s => $"<p>{WebUtility.HtmlEncode(s.Text)}</p>"));
        var filler = string.Concat(Enumerable.Range(1, paragraphsPerChapter).Select(i =>
            $"<p>Paragraph {i} walks along the quiet shore where the herons stand, counting the boats that come home before the evening bell.</p>"));
        var work = SampleExports.Work(40, "Lanterns — Über the «River»", "en",
            ("Dusk", RichChapter + filler),
            (null, scripts + filler),
            ("Dawn", "<p>Morning came over the water.</p>" + filler));
        return new ExportedWork
        {
            Id = work.Id, Title = work.Title, Creators = work.Creators, CreatorUrls = work.CreatorUrls, Language = work.Language,
            Summary = SampleExports.Html("<p>Two strangers light <em>lanterns</em>.</p><p>One of them stays.</p>"),
            Notes = SampleExports.Html("<p>Written for the summer exchange; thanks to Cleo.</p>"),
            EndNotes = SampleExports.Html("<p>Thank you for reading, truly.</p>"),
            Tags = work.Tags, Series = work.Series, PublishedOn = work.PublishedOn, Modified = work.Modified, ShowsUpdated = true,
            IsComplete = false, Words = work.Words, ChapterFraction = work.ChapterFraction, Chapters = work.Chapters, Site = work.Site,
        };
    }

    /// <summary>The words a reader must find, in the order the work has them.</summary>
    public static List<string> ExpectedWords(ExportedWork work)
    {
        var words = new List<string>();
        words.AddRange(Words(work.Title));
        work.Creators.ToList().ForEach(c => words.AddRange(Words(c)));
        foreach (var list in work.Tags)
        {
            list.Names.ToList().ForEach(n => words.AddRange(Words(n)));
        }
        words.AddRange(Words(work.LanguageName));
        work.Series.ToList().ForEach(s => words.AddRange(Words(s.Title)));
        words.AddRange(FromHtml(work.Summary));
        words.AddRange(FromHtml(work.Notes));
        foreach (var chapter in work.Chapters)
        {
            words.AddRange(Words(chapter.Title ?? ""));
            words.AddRange(FromHtml(chapter.Summary));
            words.AddRange(FromHtml(chapter.Notes));
            words.AddRange(FromHtml(chapter.Body));
            words.AddRange(FromHtml(chapter.EndNotes));
        }
        words.AddRange(FromHtml(work.EndNotes));
        return words;
    }

    public static List<string> FromHtml(string? html) =>
        html is null ? [] : Words(WebUtility.HtmlDecode(TagPattern().Replace(html, " ")));

    /// <summary>Letters and digits; each Chinese or Japanese character a word, since lines may break between them.</summary>
    public static List<string> Words(string text) =>
        WordPattern().Matches(text.Normalize(NormalizationForm.FormC)).Select(m => m.Value).ToList();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}]|[\p{L}\p{M}\p{N}]+")]
    private static partial Regex WordPattern();
}
