using System.Net;
using System.Text.RegularExpressions;

namespace Makimono.Tests.Web.Crawling;

/// <summary>
/// Every submit button written in the Razor pages (src/Makimono/Pages), with the addresses it can be served on and a
/// pattern for its label, so a test can tell which of them no crawl pressed.
/// </summary>
internal sealed partial record SourceButton(string File, int Line, string Label, Regex LabelPattern, Regex? AriaPattern, Regex PagePattern)
{
    public bool Matches(SeenButton seen) =>
        PagePattern.IsMatch(Uri.UnescapeDataString(seen.Page.AbsolutePath))
        && (LabelPattern.IsMatch(seen.Label) || (AriaPattern is not null && seen.AriaLabel is not null && AriaPattern.IsMatch(seen.AriaLabel)));

    public override string ToString() => $"{File}:{Line} \"{Label}\"";

    public static IReadOnlyList<SourceButton> All()
    {
        var pages = Path.Combine(RepositoryRoot(), "src", "Makimono", "Pages");
        var buttons = new List<SourceButton>();
        foreach (var file in System.IO.Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = System.IO.File.ReadAllText(file);
            var route = RouteDirective().Match(text);
            // A page is served at its route; a partial or the layout on any page.
            var pagePattern = route.Success ? RoutePattern(route.Groups[1].Value) : new Regex("^/");
            foreach (Match button in ButtonElement().Matches(text).Concat(SubmitInput().Matches(text)))
            {
                var attributes = button.Groups["attributes"].Value;
                if (TypeAttribute().Match(attributes) is { Success: true } type && type.Groups[1].Value is not ("submit" or "image"))
                {
                    continue;
                }
                var label = button.Groups["content"].Success
                    ? Collapse(WebUtility.HtmlDecode(Tags().Replace(button.Groups["content"].Value, "")))
                    : ValueAttribute().Match(attributes).Groups[1].Value;
                var aria = AriaLabelAttribute().Match(attributes);
                buttons.Add(new SourceButton(Path.GetRelativePath(RepositoryRoot(), file), LineOf(text, button.Index), label,
                    PatternOf(label), aria.Success ? PatternOf(aria.Groups[1].Value) : null, pagePattern));
            }
        }
        return buttons;
    }

    /// <summary>The label's literal text, with each Razor expression (@x.Name, @(…)) standing for any text.</summary>
    private static Regex PatternOf(string label) =>
        new("^" + string.Join(".+", RazorExpression().Split(label).Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant);

    private static Regex RoutePattern(string route) =>
        new("^" + string.Join("[^/]+", RouteParameter().Split(route).Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant);

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Makimono.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Could not find the repository (Makimono.slnx) above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex("^@page\\s+\"([^\"]+)\"", RegexOptions.Multiline)]
    private static partial Regex RouteDirective();

    [GeneratedRegex(@"<button\b(?<attributes>[^>]*)>(?<content>.*?)</button>", RegexOptions.Singleline)]
    private static partial Regex ButtonElement();

    [GeneratedRegex(@"<input\b(?<attributes>[^>]*\btype=""(?:submit|image)""[^>]*)>")]
    private static partial Regex SubmitInput();

    [GeneratedRegex(@"\btype=""([^""]*)""")]
    private static partial Regex TypeAttribute();

    [GeneratedRegex(@"\bvalue=""([^""]*)""")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex(@"\baria-label=""([^""]*)""")]
    private static partial Regex AriaLabelAttribute();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"@\([^)]*\)|@[A-Za-z_][\w.]*")]
    private static partial Regex RazorExpression();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
