using Makimono.Exports;
using Makimono.Tags;
using Makimono.Text;

namespace Makimono.Tests.Exports;

/// <summary>Works to export, built as the archive stores them: every text through the sanitizer first.</summary>
public static class SampleExports
{
    /// <summary>One use of every element the sanitizer allows, each where HTML allows it, with the old attributes AO3 allows.</summary>
    public const string EveryAllowedElement = """
        <p>Plain <a href="https://example.org/x">link</a>, <a href="/works/1">relative link</a>, <a name="anchor-1">anchor</a>,
        <abbr title="abbreviation">abbr</abbr> <acronym title="acronym">ACR</acronym> <b>b</b> <big>big</big> <cite>cite</cite>
        <code>code</code> <del datetime="2024-01-01">del</del> <dfn>dfn</dfn> <em>em</em> <i>i</i> <ins>ins</ins> <kbd>kbd</kbd>
        <q cite="https://example.org/q">q</q> <s>s</s> <samp>samp</samp> <small>small</small> <span lang="fr" dir="ltr">span</span>
        <strike>strike</strike> <strong>strong</strong> <sub>sub</sub> <sup>sup</sup> <tt>tt</tt> <u>u</u> <var>var</var>
        <ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby><br>a new line</p>
        <address>An address</address>
        <blockquote cite="https://example.org/source"><p>A quotation.</p></blockquote>
        <center>Centred text</center>
        <div align="right" class="note">Right-aligned</div>
        <details><summary>More</summary><p>Folded away.</p></details>
        <figure><img src="https://example.org/picture.png" alt="A picture" width="100" height="50"><figcaption>A caption</figcaption></figure>
        <dl><dt>term</dt><dd>definition</dd></dl>
        <h1>Heading one</h1><h2>Heading two</h2><h3>Heading three</h3><h4>Heading four</h4><h5>Heading five</h5><h6>Heading six</h6>
        <hr>
        <ol start="3" type="a"><li>first</li><li>second</li></ol>
        <ul type="disc"><li>bullet</li></ul>
        <pre>preformatted   text</pre>
        <table align="center" width="50%"><caption>A table</caption><colgroup span="2"><col width="10"><col></colgroup>
        <thead><tr><th colspan="2">head</th></tr></thead>
        <tbody><tr><td rowspan="1">a</td><td align="center">b</td></tr></tbody>
        <tfoot><tr><td>f</td><td>g</td></tr></tfoot></table>
        <p><img src="http://example.org/insecure.jpg"> <a href="https://example.org/linked"><img src="https://example.org/in-link.gif" alt="linked"></a> <img src="/relative.png" alt="relative"></p>
        """;

    /// <summary>Elements where HTML does not allow them, which the sanitizer lets through as typed.</summary>
    public const string ElementsOutOfPlace = """
        <div><li>a lone item</li><dt>a lone term</dt><dd>a lone definition</dd></div>
        <summary>a lone summary</summary><figcaption>a lone caption</figcaption><caption>a lone table caption</caption>
        <p>text <rt>a lone ruby text</rt> <rp>(</rp> <a name="has space">bad anchor</a> <a name="chapter-1">taken anchor</a>
        <span lang="not a language" dir="sideways">odd attributes</span> <del datetime="yesterday">del</del></p>
        <ol type="disc" start="x"><li>odd list</li></ol>
        <table><tr><td colspan="0" rowspan="-1">odd cell</td></tr></table>
        <p>Control characters: a\u0001b and a lone surrogate</p>
        """;

    public static ExportedWork Work(int id, string title, string language, params (string? Title, string Body)[] chapters) => new()
    {
        Id = id,
        Title = title,
        Creators = ["Ana", "Bea (bea_writes)"],
        CreatorUrls = ["https://archive.example/users/Ana/pseuds/Ana", "https://archive.example/users/bea_writes/pseuds/Bea"],
        Language = language,
        Summary = Html("A summary with <em>emphasis</em>."),
        Notes = Html("Notes before the work."),
        EndNotes = Html("Notes after the work."),
        Tags =
        [
            Tags(TagType.Rating, "Rating", "Teen And Up Audiences"),
            Tags(TagType.ArchiveWarning, "Archive Warning", "No Archive Warnings Apply"),
            Tags(TagType.Category, "Categories", "F/M", "Gen"),
            Tags(TagType.Fandom, "Fandom", "Original Work"),
            Tags(TagType.Relationship, "Relationship", "Ana/Ben"),
            Tags(TagType.Character, "Characters", "Ana", "Ben"),
            Tags(TagType.Freeform, "Additional Tags", "Slow Burn", "Fluff & Angst"),
        ],
        Series = [new ExportedSeries("The Long Way", 2, "https://archive.example/series/3"), new ExportedSeries("Side Stories", 1, "https://archive.example/series/4")],
        PublishedOn = new DateOnly(2024, 1, 5),
        Modified = new DateTime(2024, 3, 1, 12, 30, 5, DateTimeKind.Utc),
        ShowsUpdated = chapters.Length > 1,
        IsComplete = false,
        Words = chapters.Sum(c => WordCounter.CountHtml(Html(c.Body))),
        ChapterFraction = $"{chapters.Length}/?",
        Chapters = chapters.Select((c, i) => new ExportedChapter(i + 1, c.Title,
            i == 0 ? Html("The first chapter's summary.") : null, i == 0 ? Html("Chapter notes.") : null,
            i == chapters.Length - 1 ? null : Html("Chapter end notes."), Html(c.Body),
            $"https://archive.example/works/{id}/chapters/{100 + i}")).ToList(),
        Site = "https://archive.example",
    };

    public static ExportedWork SeveralChapters() => Work(1, "Three Mornings", "en",
        ("The Storm", "<p>It was the kind of morning that makes promises.</p><p>***</p><p>Later, the rain came.</p>"),
        (null, "<p>The second morning broke quietly.</p><hr><p>A new scene.</p>"),
        ("Home", "<p>And on the third, they went home.</p>"));

    public static ExportedWork NonAsciiTitle() => Work(2, "Ünïcödé — «Le Titre» & <Tags> \"quoted\"", "fr",
        ("Épilogue", "<p>Ça va ? Oui, très bien — merci.</p>"));

    public static ExportedWork Cjk() => Work(3, "雪の降る町で", "ja",
        ("はじまり", "<p>雪が静かに降っていた。彼女は窓の外を見つめ、遠い春のことを考えた。</p><p>「行こう」と彼は言った。</p>"),
        ("第二章：도시", "<p>他们在城市里走了很久。서울의 밤은 길었다.</p>"));

    public static ExportedWork Images() => Work(4, "Pictures", "en",
        (null, "<p>Look: <img src=\"https://example.org/cat.jpg\" alt=\"a cat\"></p><p><img src=\"https://example.org/map.png\"></p>"));

    public static ExportedWork AllElements() => Work(5, "Every Element", "en", ("Markup", EveryAllowedElement));

    public static ExportedWork OutOfPlace() => Work(6, "Odd Markup", "en", ("Odd", ElementsOutOfPlace.Replace("\\u0001", "\u0001")));

    /// <summary>No summary, notes, series or co-creators, one untitled chapter: the least a work has.</summary>
    public static ExportedWork Minimal() => new()
    {
        Id = 7,
        Title = "Untitled",
        Creators = [],
        CreatorUrls = [],
        Language = "en",
        Tags = [Tags(TagType.Rating, "Rating", "Not Rated")],
        Series = [],
        PublishedOn = new DateOnly(2024, 1, 5),
        Modified = new DateTime(2024, 1, 5, 0, 0, 0, DateTimeKind.Utc),
        ShowsUpdated = false,
        IsComplete = true,
        Words = 2,
        ChapterFraction = "1/1",
        Chapters = [new ExportedChapter(1, null, null, null, null, Html("<p>Just this.</p>"), "https://archive.example/works/7/chapters/1")],
        Site = "https://archive.example",
    };

    public static IEnumerable<(string Name, ExportedWork Work)> All() =>
    [
        ("several chapters", SeveralChapters()), ("a non-ASCII title", NonAsciiTitle()), ("CJK text", Cjk()),
        ("images over https", Images()), ("every allowed element", AllElements()), ("elements out of place", OutOfPlace()),
        ("a minimal work", Minimal()),
    ];

    public static string Html(string typed) => UserHtml.FromUserInput(typed).Html;

    private static ExportedTagList Tags(TagType type, string label, params string[] names) =>
        new(type, label, names, names.Select(n => "https://archive.example" + TagUrl.WorksPath(n)).ToList());
}
