using System.Net;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>An HttpClient that fills in forms the way a browser does: with the page's anti-forgery token.</summary>
public sealed class WebClient(HttpClient http) : IDisposable
{
    public const string Password = "correct horse battery";

    public HttpClient Http => http;

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs a page, asserts that it was served, and parses it as a browser would.</summary>
    public async Task<HtmlPage> PageAsync(string path)
    {
        var address = new Uri(http.BaseAddress!, path);
        using var response = await http.GetAsync(address);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} gave {(int)response.StatusCode}: {Excerpt(body)}");
        return new HtmlPage(this, address, body);
    }

    /// <summary>The page a redirect leads to.</summary>
    public Task<HtmlPage> FollowAsync(HttpResponseMessage redirect)
    {
        Assert.True((int)redirect.StatusCode is >= 300 and < 400, $"expected a redirect, got {(int)redirect.StatusCode}");
        return PageAsync(redirect.Headers.Location!.OriginalString);
    }

    /// <summary>Opens <paramref name="pagePath"/>, fills in the form of the button labelled <paramref name="button"/> and presses it.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string pagePath, string button, IEnumerable<KeyValuePair<string, string>>? values = null, string? near = null)
    {
        var form = (await PageAsync(pagePath)).Form(button, near);
        foreach (var (name, value) in values ?? [])
        {
            form.Set(name, value);
        }
        return await form.SubmitAsync();
    }

    private static string Excerpt(string body) => body.Length > 500 ? body[..500] + "…" : body;

    public async Task LogInAsync(string name)
    {
        using var response = await SubmitFormAsync("/login", "Log in", [new("UserName", name), new("Password", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Posts a work through the real form and returns its id.</summary>
    public async Task<int> PostWorkAsync(string title, string fandom = "Original Work", bool restricted = false, bool draft = false,
        string body = "It was the kind of morning that makes promises.", string? characters = null)
    {
        var form = (await PageAsync("/works/new")).Form(draft ? "Save as draft" : "Post")
            .Set("Work.Title", title).Set("Work.RatingId", "2").Check("Work.WarningIds", "14").Set("Work.Fandoms", fandom)
            .Set("Work.Characters", characters ?? "").Set("Chapter.Body", body);
        if (restricted)
        {
            form.Check("Work.IsRestricted");
        }
        using var response = await form.SubmitAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"posting failed: {await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location!.OriginalString;
        return int.Parse(location.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => http.Dispose();
}
