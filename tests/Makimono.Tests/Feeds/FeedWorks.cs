using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Makimono.Tests.Web;
using WebClient = Makimono.Tests.Web.WebClient;

namespace Makimono.Tests.Feeds;

/// <summary>Posting works with the fields the feeds show, through the real form, and fetching feeds as an e-reader does.</summary>
internal static class FeedWorks
{
    public const string Opds = "application/atom+xml;profile=opds-catalog";

    /// <summary>Posts a work and returns its id. <paramref name="words"/> words of body; complete means 1 of 1 chapters.</summary>
    public static async Task<int> PostAsync(WebClient client, string title, string fandom = "Original Work", int ratingId = 2,
        bool complete = false, int words = 10, bool restricted = false, bool draft = false, string? summary = null,
        string? series = null, string? freeforms = null)
    {
        var body = string.Join(' ', Enumerable.Repeat("word", words));
        var form = (await client.PageAsync("/works/new")).Form(draft ? "Save as draft" : "Post")
            .Set("Work.Title", title).Set("Work.RatingId", ratingId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Check("Work.WarningIds", "14").Set("Work.Fandoms", fandom).Set("Chapter.Body", $"<p>{body}</p>")
            .Set("Work.Summary", summary ?? "").Set("Work.SeriesTitles", series ?? "").Set("Work.Freeforms", freeforms ?? "")
            .Set("Work.ExpectedChapters", complete ? "1" : "");
        if (restricted)
        {
            form.Check("Work.IsRestricted");
        }
        using var response = await form.SubmitAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"posting failed: {await response.Content.ReadAsStringAsync()}");
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Makes fandoms canonical as `makimono tags load` does, so the fandom lists (which list canonical fandoms) show them.</summary>
    public static async Task CanonicalFandomsAsync(ArchiveFactory archive, params string[] names)
    {
        var tags = names.Select((name, i) => new Makimono.Tags.StarterSets.StarterTag(Makimono.Tags.TagType.Fandom, name, [], [], i + 1)).ToList();
        var (_, errors) = await archive.WithDbAsync(db => Makimono.Tags.StarterSets.LoadStarterTags.RunAsync(db, TimeProvider.System, tags));
        Assert.Empty(errors);
    }

    /// <summary>GETs an address (absolute, as feeds link, or a path), with HTTP Basic credentials when given.</summary>
    public static async Task<Fetched> GetAsync(WebClient client, string address, (string User, string Password)? basic = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.Http.BaseAddress!, address));
        if (basic is var (user, password))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }
        using var response = await client.Http.SendAsync(request);
        return new Fetched(response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "", await response.Content.ReadAsStringAsync(),
            response.Headers.WwwAuthenticate.ToString());
    }

    /// <summary>A feed that must be served: 200, with its media type.</summary>
    public static async Task<string> FeedAsync(WebClient client, string address, string mediaType, (string User, string Password)? basic = null)
    {
        var fetched = await GetAsync(client, address, basic);
        Assert.True(fetched.Status == HttpStatusCode.OK, $"GET {address} gave {(int)fetched.Status}: {fetched.Body}");
        // HttpClient writes parameters back with a space after each semicolon.
        Assert.StartsWith(mediaType, fetched.ContentType.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        return fetched.Body;
    }
}

internal sealed record Fetched(HttpStatusCode Status, string ContentType, string Body, string WwwAuthenticate);
