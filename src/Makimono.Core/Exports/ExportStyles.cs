namespace Makimono.Exports;

/// <summary>
/// The stylesheet of the EPUB and the HTML file: spacing, alignment and the classes that stand in for AO3's old
/// elements and attributes. No font family or size is set, so the reader's own choice stands.
/// </summary>
public static class ExportStyles
{
    public const string Css = """
        body { margin: 0 1em; line-height: 1.4; }
        h1.title, h2.heading, .byline { text-align: center; }
        .message, .source { font-size: smaller; }
        dl.tags dt { font-weight: bold; }
        dl.tags dd { margin: 0 0 0.5em 1.5em; }
        p.label { font-weight: bold; margin-bottom: 0.2em; }
        blockquote { margin: 0.5em 1.5em; }
        div.chapter-end { margin-bottom: 2em; }
        hr { width: 40%; margin: 1.5em auto; }
        table { border-collapse: collapse; }
        td, th { border: 1px solid; padding: 0.2em 0.4em; }
        .center, .align-center { text-align: center; }
        .align-left { text-align: left; }
        .align-right { text-align: right; }
        .align-justify { text-align: justify; }
        .big { font-size: larger; }
        nav#toc ol { list-style: none; padding-left: 0; }
        """;
}
