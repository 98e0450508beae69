using AngleSharp.Dom;
using AngleSharp.Html.Dom;

using Makimono.Import.Html;
using Makimono.Import.Structure;

namespace Makimono.Import.Formats;

/// <summary>
/// The parts of a saved web page that are the site, not the story: scripts and styles, navigation, page header and
/// footer, forms, asides, and the ARIA landmarks other than main. Where the page marks its content with &lt;main&gt;
/// (or role="main") or &lt;article&gt;, that is the story and the rest of the page is left out.
/// </summary>
public static class PageChrome
{
    private const string ChromeSelector =
        "script, style, noscript, template, nav, header, footer, form, aside, "
        + "[role=banner], [role=navigation], [role=contentinfo], [role=complementary], [role=search], [role=form], [role=region]";

    /// <summary>The sites' pages and the downloaders' layouts the importer reads field by field, or null for any other page.</summary>
    public static ImportedWork? ReadSitePage(string source, IHtmlDocument document)
    {
        var signs = Scan(document);
        return signs.Ao3Page && SavedAo3Page.IsSavedAo3Page(document) ? SavedAo3Page.Read(source, document)
            : signs.FfnPage && SavedFfnPage.IsSavedFfnPage(document) ? SavedFfnPage.Read(source, document)
            : signs.FanFicFare && FanFicFareHtml.IsFanFicFareHtml(document) ? FanFicFareHtml.Read(source, document)
            : null;
    }

    /// <summary>What one walk over the elements tells about the page, so that a plain story is not searched by selector after selector.</summary>
    private readonly record struct Signs(bool Ao3Page, bool FfnPage, bool FanFicFare, bool Chrome, bool Landmarked);

    private static Signs Scan(IHtmlDocument document)
    {
        var signs = new Signs();
        foreach (var element in ((INode?)document.Body ?? document.DocumentElement).Descendants<IElement>())
        {
            switch (element.LocalName)
            {
                case "script" or "style" or "noscript" or "template" or "nav" or "header" or "footer" or "form" or "aside":
                    signs = signs with { Chrome = true };
                    break;
                case "main" or "article":
                    signs = signs with { Landmarked = true };
                    break;
                case "a" when element.ParentElement?.LocalName == "h2" && element.GetAttribute("name") is { } name && name.StartsWith("section", StringComparison.Ordinal):
                    signs = signs with { FanFicFare = true };
                    break;
            }
            if (element.GetAttribute("role") is { Length: > 0 })
            {
                signs = signs with { Chrome = true, Landmarked = true };
            }
            switch (element.Id)
            {
                case "workskin":
                    signs = signs with { Ao3Page = true };
                    break;
                case "storytext" or "profile_top":
                    signs = signs with { FfnPage = true };
                    break;
            }
        }
        return signs;
    }

    /// <summary>
    /// The story's part of the page, with the chrome inside it taken out. A header or aside inside the main part
    /// (an article's own heading block) is kept when it holds the story's heading, as the article's first child.
    /// </summary>
    public static INode StoryRoot(IHtmlDocument document)
    {
        var body = (INode?)document.Body ?? document.DocumentElement;
        if (Scan(document) is { Chrome: false, Landmarked: false })
        {
            return body;
        }
        var main = document.QuerySelector("main, [role=main]");
        var articles = main is null ? document.QuerySelectorAll("article").Where(a => a.ParentElement?.Closest("article") is null).ToList() : [];
        IElement root;
        if (main is not null)
        {
            root = main;
        }
        else if (articles.Count == 1)
        {
            root = articles[0];
        }
        else if (articles.Count > 1)
        {
            // Several posts of one story on one page: each post in turn, without what lies between them.
            foreach (var between in document.Body!.QuerySelectorAll("*").Where(e => !articles.Any(a => a.Contains(e) || e.Contains(a))).ToList())
            {
                between.Remove();
            }
            root = document.Body!;
        }
        else
        {
            root = document.Body ?? document.DocumentElement;
        }
        foreach (var chrome in root.QuerySelectorAll(ChromeSelector).Where(e => !e.Contains(root) && !IsArticleHeading(e, root)).ToList())
        {
            chrome.Remove();
        }
        return root.TextContent.Trim().Length > 0 ? root : body;
    }

    /// <summary>An article's &lt;header&gt; with its &lt;h1&gt; carries the story's title, not the site's.</summary>
    private static bool IsArticleHeading(IElement element, IElement root) =>
        element.LocalName == "header" && root != element && element.ParentElement?.Closest("article") is not null
        && element.QuerySelector("h1, h2") is not null && element.QuerySelector("nav, form") is null;
}
