using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Makimono.Tests.Web.Crawling;

/// <summary>A page the crawler was served, kept for the Nu HTML checker.</summary>
public sealed record CollectedPage(string Role, Uri Address, string Html);

/// <summary>A submit button the crawler saw on a page, and whether it pressed one like it (same form action, same label).</summary>
public sealed record SeenButton(string Role, Uri Page, string Label, string? AriaLabel, string Key);

/// <summary>
/// Clicks through the archive as one person (or a guest) would: follows every same-origin link from its start pages
/// and presses every kind of submit button it is shown, once, with valid values where it knows the form and the
/// form's own defaults otherwise. Buttons that end the session or delete something are pressed last. Anything that
/// a person would see as broken is written down: a server error, a form whose action is empty, a link that is refused,
/// a form answered "bad request", and a form that still works when sent without its anti-forgery token.
/// </summary>
internal sealed partial class Crawler(WebClient client, string role, string userName, int maxPages)
{
    private readonly Queue<Func<Task>> work = new();
    private readonly List<(HtmlPage Page, string Key)> deferred = [];
    private readonly HashSet<string> seenAddresses = [];
    private readonly Dictionary<string, int> queryVariants = [];
    private readonly HashSet<string> pressedKeys = [];
    private readonly HashSet<string> queuedKeys = [];
    private readonly KnownValues values = new(role, userName);

    public List<string> Failures { get; } = [];
    public List<CollectedPage> Pages { get; } = [];
    public List<SeenButton> Buttons { get; } = [];
    public IReadOnlySet<string> Pressed => pressedKeys;
    public int Requests { get; private set; }
    public int FormsSubmitted { get; private set; }
    /// <summary>What each press was answered with ("302 POST /works/N?handler=Hide \"Hide work\""), and each GET refused, for the test's output.</summary>
    public List<string> Answers { get; } = [];

    public async Task RunAsync(IEnumerable<string> startPaths)
    {
        foreach (var path in startPaths)
        {
            Enqueue(new Uri(client.Http.BaseAddress!, path));
        }
        await DrainAsync();
        // The buttons that end the session or remove what other pages show, each found again on a fresh copy of its page.
        // Pressing one can show new pages and buttons (a guest who signs up has an account page), so until none is left.
        while (deferred.Count > 0 && Pages.Count < maxPages)
        {
            var (page, key) = deferred.MinBy(d => PressOrder.Rank(d.Key));
            deferred.Remove((page, key));
            var (fresh, again) = await FindAgainAsync(page.Address, key);
            if (again is null && PressOrder.Rank(key) >= PressOrder.LogOut)
            {
                // One way of logging out hides the others: log in again to press the next.
                await LogInAgainAsync();
                (fresh, again) = await FindAgainAsync(page.Address, key);
            }
            if (again is not null)
            {
                await PressAsync(fresh!, again, key);
                await DrainAsync();
            }
        }
    }

    private async Task<(HtmlPage? Page, IElement? Button)> FindAgainAsync(Uri address, string key)
    {
        var fresh = await GetAsync(address);
        return (fresh, fresh is null ? null : ButtonsOf(fresh).Where(b => b.Key == key).Select(b => b.Button).FirstOrDefault());
    }

    private async Task LogInAgainAsync()
    {
        Requests += 2;
        using var response = await client.SubmitFormAsync("/login", "Log in",
            [new("UserName", values.For("UserName", signingUp: false)!), new("Password", WebClient.Password)]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{role} could not log in again: {(int)response.StatusCode}");
    }

    private async Task DrainAsync()
    {
        while (work.Count > 0 && Pages.Count < maxPages)
        {
            await work.Dequeue()();
        }
    }

    private void Enqueue(Uri address, bool again = false)
    {
        if (!IsSameOrigin(address) || address.AbsolutePath.StartsWith("/css/", StringComparison.Ordinal)
            || address.AbsolutePath.StartsWith("/js/", StringComparison.Ordinal))
        {
            return;
        }
        var withoutFragment = new UriBuilder(address) { Fragment = "" }.Uri;
        if (!seenAddresses.Add(withoutFragment.PathAndQuery) && !again)
        {
            return;
        }
        // Sorting, filtering and paging make endless addresses of one page; a few of each show the page works.
        if (withoutFragment.Query.Length > 0)
        {
            var count = queryVariants.GetValueOrDefault(withoutFragment.AbsolutePath) + 1;
            queryVariants[withoutFragment.AbsolutePath] = count;
            if (count > 4)
            {
                return;
            }
        }
        work.Enqueue(async () =>
        {
            if (await GetAsync(withoutFragment) is { } page)
            {
                Discover(page);
            }
        });
    }

    private async Task<HtmlPage?> GetAsync(Uri address)
    {
        Requests++;
        using var response = await client.Http.GetAsync(address);
        if ((int)response.StatusCode is >= 400 and < 500)
        {
            // Every address the crawler opens was a link on a page it was shown, or where a form sent it.
            Answers.Add($"{(int)response.StatusCode} GET {address.PathAndQuery}");
            Failures.Add($"{role}: a link or redirect led to {address.PathAndQuery}, which answered {(int)response.StatusCode}");
        }
        return await ReadAsync("GET", address, response);
    }

    /// <summary>Checks the answer; an HTML page is kept and returned, a redirect within the site is followed.</summary>
    private async Task<HtmlPage?> ReadAsync(string what, Uri address, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500)
        {
            Failures.Add($"{role}: {what} {address.PathAndQuery} gave {(int)response.StatusCode}: {Excerpt(body)}");
            return null;
        }
        if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
        {
            var next = new Uri(address, location);
            if (IsSameOrigin(next))
            {
                // Where a form leads is seen again, as it is now: the pseud just added offers "Make default".
                Enqueue(next, again: what != "GET");
            }
            return null;
        }
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return null;
        }
        var page = new HtmlPage(client, address, body);
        Pages.Add(new CollectedPage(role, address, body));
        CheckFormActions(page);
        return page;
    }

    private void Discover(HtmlPage page)
    {
        foreach (var link in page.Links)
        {
            Enqueue(link);
        }
        foreach (var (button, key) in ButtonsOf(page))
        {
            Buttons.Add(new SeenButton(role, page.Address, HtmlPage.ButtonLabel(button), button.GetAttribute("aria-label"), key));
            if (!queuedKeys.Add(key))
            {
                continue;
            }
            if (PressOrder.IsDeferred(key))
            {
                deferred.Add((page, key));
            }
            else
            {
                work.Enqueue(() => PressAsync(page, button, key));
            }
        }
    }

    private async Task PressAsync(HtmlPage page, IElement button, string key)
    {
        pressedKeys.Add(key);
        var form = page.FormOf(button);
        if (form is null || HasEmptyAction(form, button))
        {
            return; // written down by CheckFormActions
        }
        var filled = new HtmlForm(client, page, form, button);
        values.Fill(filled, form);
        if (filled.Method == "POST")
        {
            await CheckForgeryIsRefusedAsync(filled, key);
        }
        FormsSubmitted++;
        Requests++;
        using var response = await filled.SubmitAsync();
        Answers.Add($"{(int)response.StatusCode} {key}");
        var what = $"pressing \"{HtmlPage.ButtonLabel(button)}\" on {page.Address.PathAndQuery}:";
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed)
        {
            Failures.Add($"{role}: {what} {filled.Method} {filled.Action.PathAndQuery} gave {(int)response.StatusCode}");
        }
        if (await ReadAsync($"{what} {filled.Method}", filled.Action, response) is { } result)
        {
            Discover(result);
        }
    }

    /// <summary>The same form without its anti-forgery token, as another site would send it, must be refused (400) and change nothing.</summary>
    private async Task CheckForgeryIsRefusedAsync(HtmlForm filled, string key)
    {
        Requests++;
        using var forged = await client.WithoutTokenAsync(filled);
        if (forged.StatusCode != HttpStatusCode.BadRequest)
        {
            Failures.Add($"{role}: {key} without its anti-forgery token answered {(int)forged.StatusCode}, not 400");
        }
    }

    private IEnumerable<(IElement Button, string Key)> ButtonsOf(HtmlPage page) =>
        HtmlPage.SubmitButtons(page.Document.DocumentElement)
            .Select(b => (b, page.FormOf(b)))
            .Where(p => p.Item2 is not null)
            .Select(p => (p.b, KeyOf(page, p.Item2!, p.b)));

    /// <summary>One kind of button: where its form goes (ids as N) and what it says.</summary>
    private static string KeyOf(HtmlPage page, IHtmlFormElement form, IElement button)
    {
        var action = button.GetAttribute("formaction") ?? form.GetAttribute("action");
        var target = string.IsNullOrWhiteSpace(action) ? page.Address : new Uri(page.Address, action);
        var method = (button.GetAttribute("formmethod") ?? form.GetAttribute("method") ?? "get").ToUpperInvariant();
        var path = Digits().Replace(Uri.UnescapeDataString(target.PathAndQuery), "N");
        return $"{method} {path} \"{Digits().Replace(HtmlPage.ButtonLabel(button), "N")}\"";
    }

    private void CheckFormActions(HtmlPage page)
    {
        foreach (var form in page.Document.Forms)
        {
            foreach (var button in HtmlPage.SubmitButtons(form).Where(b => page.FormOf(b) == form))
            {
                if (HasEmptyAction(form, button))
                {
                    Failures.Add($"{role}: the form of \"{HtmlPage.ButtonLabel(button)}\" on {page.Address.PathAndQuery} has an empty action, which goes nowhere a browser can name");
                }
            }
        }
    }

    private static bool HasEmptyAction(IHtmlFormElement form, IElement button) =>
        (button.GetAttribute("formaction") ?? form.GetAttribute("action")) is { } action && string.IsNullOrWhiteSpace(action);

    private bool IsSameOrigin(Uri address) =>
        Uri.Compare(address, client.Http.BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static string Excerpt(string body) => body.Length > 300 ? body[..300] + "…" : body;

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
