using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>An HttpClient that fills in forms the way a browser does: with the page's anti-forgery token.</summary>
public sealed partial class WebClient(HttpClient http) : IDisposable
{
    public const string Password = "correct horse battery";

    public HttpClient Http => http;

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs the form page for its token, then POSTs the fields to <paramref name="postPath"/> (default: the same page).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string formPath, IEnumerable<KeyValuePair<string, string>> fields, string? postPath = null)
    {
        var all = fields.Append(new("__RequestVerificationToken", await TokenAsync(formPath)));
        return await http.PostAsync(new Uri(postPath ?? formPath, UriKind.Relative), new FormUrlEncodedContent(all));
    }

    /// <summary>GETs the form page for its token, then POSTs one file as a browser's file upload form does.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string formPath, string postPath, string fieldName, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(formPath)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), fieldName, fileName },
        };
        return await http.PostAsync(new Uri(postPath, UriKind.Relative), form);
    }

    private async Task<string> TokenAsync(string formPath)
    {
        var (status, page) = await GetAsync(formPath);
        Assert.True(status == HttpStatusCode.OK, $"GET {formPath} gave {status}");
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"{formPath} has no anti-forgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public async Task LogInAsync(string name)
    {
        using var response = await SubmitAsync("/login", [new("UserName", name), new("Password", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Posts a work through the real form and returns its id.</summary>
    public async Task<int> PostWorkAsync(string title, string fandom = "Original Work", bool restricted = false, bool draft = false,
        string body = "It was the kind of morning that makes promises.", string? characters = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Work.Title", title), new("Work.RatingId", "2"), new("Work.WarningIds", "14"), new("Work.Fandoms", fandom),
            new("Work.Characters", characters ?? ""), new("Chapter.Body", body), new("submit", draft ? "draft" : "post"),
        };
        if (restricted)
        {
            fields.Add(new("Work.IsRestricted", "true"));
        }
        using var response = await SubmitAsync("/works/new", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"posting failed: {await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location!.OriginalString;
        return int.Parse(location.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
