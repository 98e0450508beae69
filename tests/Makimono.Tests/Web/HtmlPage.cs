using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Makimono.Tests.Web;

/// <summary>A page as served, parsed as a browser would, so that tests find its forms instead of building URLs.</summary>
public sealed class HtmlPage(WebClient client, Uri address, string html)
{
    private static readonly HtmlParser Parser = new();

    public Uri Address { get; } = address;

    public string Html { get; } = html;

    public IHtmlDocument Document { get; } = Parser.ParseDocument(html);

    /// <summary>Every form on the page, in document order.</summary>
    public IReadOnlyList<HtmlForm> Forms => [.. Document.Forms.Select(f => new HtmlForm(client, this, f, button: null))];

    /// <summary>
    /// The form holding the one submit button whose visible text, value or accessible name is <paramref name="button"/>,
    /// ready to be submitted with that button pressed. Where a page repeats a button (one "Remove" per tag), name
    /// the row: <paramref name="near"/> picks the button whose list item, table row or section contains that text.
    /// </summary>
    public HtmlForm Form(string button, string? near = null)
    {
        var labelled = SubmitButtons(Document.DocumentElement).Where(b => IsLabelled(b, button)).ToList();
        var matches = near is null
            ? labelled
            : [.. labelled.Where(b => ((b.Closest("li, tr, article, section, fieldset") ?? FormOf(b))?.TextContent ?? "").Contains(near, StringComparison.Ordinal))];
        Assert.True(matches.Count == 1,
            $"{Address} has {matches.Count} submit buttons labelled \"{button}\"{(near is null ? "" : $" near \"{near}\"")}; " +
            $"it has: {string.Join(", ", SubmitButtons(Document.DocumentElement).Select(b => $"\"{ButtonLabel(b)}\""))}");
        var form = FormOf(matches[0]);
        Assert.True(form is not null, $"the \"{button}\" button on {Address} belongs to no form");
        return new HtmlForm(client, this, form!, matches[0]);
    }

    /// <summary>Whether the page offers a submit button with that label.</summary>
    public bool HasButton(string button) => SubmitButtons(Document.DocumentElement).Any(b => IsLabelled(b, button));

    private static bool IsLabelled(IElement button, string label) =>
        string.Equals(ButtonLabel(button), label, StringComparison.Ordinal)
        || string.Equals(button.GetAttribute("aria-label"), label, StringComparison.Ordinal);

    /// <summary>The text a person sees on a submit button: its content, or an input's value.</summary>
    public static string ButtonLabel(IElement button) =>
        button is IHtmlInputElement input ? input.Value.Trim() : Collapse(button.TextContent);

    /// <summary>Submit buttons: <c>&lt;button&gt;</c> without another type, and submit or image inputs.</summary>
    public static IEnumerable<IElement> SubmitButtons(IElement? scope) =>
        scope is null
            ? []
            : scope.QuerySelectorAll("button, input[type=submit i], input[type=image i]")
                .Where(b => b is not IHtmlButtonElement button || string.Equals(button.Type, "submit", StringComparison.OrdinalIgnoreCase));

    /// <summary>The form a control belongs to, through its form attribute or its nearest form ancestor.</summary>
    public IHtmlFormElement? FormOf(IElement control) =>
        control.GetAttribute("form") is { } id
            ? Document.GetElementById(id) as IHtmlFormElement
            : control.Closest("form") as IHtmlFormElement;

    /// <summary>Links on the page, resolved against its address, as a person could follow them.</summary>
    public IEnumerable<Uri> Links =>
        Document.QuerySelectorAll("a[href]")
            .Select(a => a.GetAttribute("href")!)
            .Where(href => !href.StartsWith('#'))
            .Select(href => new Uri(Address, href));

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
