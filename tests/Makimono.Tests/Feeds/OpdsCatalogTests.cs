using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Makimono.Tests.Web;
using WebClient = Makimono.Tests.Web.WebClient;

namespace Makimono.Tests.Feeds;

/// <summary>
/// The OPDS catalog as an e-reader sees it: found from a page's head, walked by feedparser following only the links the
/// feeds serve, valid against the OPDS 1.2 schema, with paging, exact facet counts and search, and never a work the
/// reader may not see.
/// </summary>
public sealed class OpdsCatalogTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    private const string Navigation = "application/atom+xml;profile=opds-catalog;kind=navigation";
    private const string Acquisition = "application/atom+xml;profile=opds-catalog;kind=acquisition";

    private static List<JsonElement> Entries(JsonElement feed) => [.. feed.GetProperty("entries").EnumerateArray()];

    private static JsonElement EntryTitled(JsonElement feed, string title) =>
        Entries(feed).Single(e => e.GetProperty("title").GetString() == title);

    private static List<string?> Titles(JsonElement feed) => Entries(feed).Select(e => e.GetProperty("title").GetString()).ToList();

    [Fact]
    public async Task A_reader_finds_the_catalog_in_a_page_head_and_walks_through_a_fandom_to_an_EPUB()
    {
        await archive.CreateUserAsync("walkwriter");
        await FeedWorks.CanonicalFandomsAsync(archive, "Walkway Fandom");
        using var writer = await archive.LoggedInAsync("walkwriter");
        await FeedWorks.PostAsync(writer, "Walkable Tale", fandom: "Walkway Fandom", summary: "<p>A <em>walk</em> in the park.</p>",
            complete: true, words: 1200, freeforms: "Picnics");

        using var reader = archive.Guest();
        var home = await reader.PageAsync("/");
        var catalogLink = home.Document.QuerySelector($"head link[rel=alternate][type='{Navigation}']")?.GetAttribute("href");
        Assert.NotNull(catalogLink);

        var rootXml = await FeedWorks.FeedAsync(reader, catalogLink, Navigation);
        var root = await FeedTools.ParseAsync(rootXml);
        var fandomsLink = FeedTools.Link(EntryTitled(root, "Fandoms"), "subsection", Navigation);
        Assert.NotNull(fandomsLink);
        var fandomsXml = await FeedWorks.FeedAsync(reader, fandomsLink, Navigation);
        var fandoms = await FeedTools.ParseAsync(fandomsXml);
        var fandomLink = FeedTools.Link(EntryTitled(fandoms, "Walkway Fandom"), "subsection", Acquisition);
        Assert.NotNull(fandomLink);
        var worksXml = await FeedWorks.FeedAsync(reader, fandomLink, Acquisition);
        var works = await FeedTools.ParseAsync(worksXml);

        var entry = EntryTitled(works, "Walkable Tale");
        Assert.Equal(["walkwriter"], entry.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
        var tags = entry.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Contains("Walkway Fandom", tags);
        Assert.Contains("Picnics", tags);
        Assert.Contains("General Audiences", tags);
        Assert.Contains("No Archive Warnings Apply", tags);
        Assert.Equal("en", entry.GetProperty("language").GetString());
        Assert.StartsWith("A walk in the park.", entry.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("Words: 1,200", entry.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.NotNull(entry.GetProperty("published").GetString());
        var epub = FeedTools.Links(entry, "http://opds-spec.org/acquisition/open-access").Single()!.Value;
        Assert.Equal("application/epub+zip", epub.GetProperty("type").GetString());
        var work = FeedTools.Link(entry, "alternate", "text/html");
        Assert.Equal(HttpStatusCode.OK, (await FeedWorks.GetAsync(reader, work!)).Status);
        Assert.EndsWith($"{new Uri(work!).AbsolutePath}/download.epub", epub.GetProperty("href").GetString(), StringComparison.Ordinal);
        await AssertEpubAsync(reader, epub.GetProperty("href").GetString()!, null);

        await FeedTools.AssertValidAsync(FeedTools.OpdsSchema, rootXml, fandomsXml, worksXml);
    }

    [Fact]
    public async Task Every_kind_of_page_links_the_catalog_from_its_head()
    {
        await archive.CreateUserAsync("headwriter");
        using var writer = await archive.LoggedInAsync("headwriter");
        var id = await FeedWorks.PostAsync(writer, "Head Linked", fandom: "Head Fandom");
        using var guest = archive.Guest();
        foreach (var page in new[] { "/", $"/works/{id}", "/tags/Head Fandom/works", "/users/headwriter", "/media", "/login", "/signup" })
        {
            var html = await guest.PageAsync(page);
            Assert.Equal("/opds", html.Document.QuerySelector($"head link[rel=alternate][type='{Navigation}']")?.GetAttribute("href"));
        }
        Assert.Equal("/opds", (await writer.PageAsync("/account")).Document.QuerySelector($"head link[rel=alternate][type='{Navigation}']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Acquisition_feeds_page_with_first_previous_next_and_last_links()
    {
        await archive.CreateUserAsync("pagewriter");
        await FeedWorks.CanonicalFandomsAsync(archive, "Paging Fandom");
        using var writer = await archive.LoggedInAsync("pagewriter");
        for (var i = 1; i <= 23; i++)
        {
            await FeedWorks.PostAsync(writer, $"Paged Story {i:00}", fandom: "Paging Fandom");
        }
        using var reader = archive.Guest();
        var root = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(reader, "/opds", Navigation));
        var fandoms = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(reader, FeedTools.Link(EntryTitled(root, "Fandoms"), "subsection")!, Navigation));
        var firstXml = await FeedWorks.FeedAsync(reader, FeedTools.Link(EntryTitled(fandoms, "Paging Fandom"), "subsection")!, Acquisition);
        var first = await FeedTools.ParseAsync(firstXml);
        Assert.Equal(20, Entries(first).Count);
        Assert.Null(FeedTools.Link(first.GetProperty("feed"), "previous"));
        var secondXml = await FeedWorks.FeedAsync(reader, FeedTools.Link(first.GetProperty("feed"), "next")!, Acquisition);
        var second = await FeedTools.ParseAsync(secondXml);
        Assert.Equal(3, Entries(second).Count);
        Assert.Null(FeedTools.Link(second.GetProperty("feed"), "next"));
        // Next carries the search-after cursor; last is the same page by its number.
        Assert.Contains("after=", FeedTools.Link(first.GetProperty("feed"), "next"), StringComparison.Ordinal);
        var last = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(reader, FeedTools.Link(first.GetProperty("feed"), "last")!, Acquisition));
        Assert.Equal(Titles(second), Titles(last));
        var back = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(reader, FeedTools.Link(second.GetProperty("feed"), "previous")!, Acquisition));
        Assert.Equal(Titles(first), Titles(back));
        var all = Titles(first).Concat(Titles(second)).ToList();
        Assert.Equal(23, all.Distinct().Count());
        Assert.All(Enumerable.Range(1, 23), i => Assert.Contains($"Paged Story {i:00}", all));
        await FeedTools.AssertValidAsync(FeedTools.OpdsSchema, firstXml, secondXml);
    }

    [Fact]
    public async Task Facets_count_exactly_the_works_they_lead_to_and_never_hidden_ones()
    {
        await archive.CreateUserAsync("facetwriter");
        await archive.CreateUserAsync("facetadmin", isAdmin: true);
        using var writer = await archive.LoggedInAsync("facetwriter");
        const string fandom = "Facet Fandom";
        await FeedWorks.CanonicalFandomsAsync(archive, fandom);
        // Visible to guests: 2 General (one complete, 1,500 words), 1 Explicit complete of 12,000 words.
        await FeedWorks.PostAsync(writer, "Facet General Short", fandom: fandom, ratingId: 2, words: 20);
        await FeedWorks.PostAsync(writer, "Facet General Complete", fandom: fandom, ratingId: 2, complete: true, words: 1500);
        await FeedWorks.PostAsync(writer, "Facet Explicit Long", fandom: fandom, ratingId: 5, complete: true, words: 12000);
        // Never counted for a guest: restricted, a draft, and a hidden work, all General.
        await FeedWorks.PostAsync(writer, "Facet Restricted", fandom: fandom, ratingId: 2, restricted: true);
        await FeedWorks.PostAsync(writer, "Facet Draft", fandom: fandom, ratingId: 2, draft: true);
        var hidden = await FeedWorks.PostAsync(writer, "Facet Hidden", fandom: fandom, ratingId: 2, complete: true);
        using var admin = await archive.LoggedInAsync("facetadmin");
        using (var hide = await admin.SubmitFormAsync($"/works/{hidden}", "Hide work"))
        {
            Assert.Equal(HttpStatusCode.Redirect, hide.StatusCode);
        }

        using var guest = archive.Guest();
        var feedAddress = await FandomFeedAddressAsync(guest, fandom);
        var xml = await FeedWorks.FeedAsync(guest, feedAddress, Acquisition);
        var feed = await FeedTools.ParseAsync(xml);
        Assert.Equal(["Facet Explicit Long", "Facet General Complete", "Facet General Short"], Titles(feed).Order());
        var counts = FacetCounts(feed);
        Assert.Equal(3, counts[("Rating", "Any rating")]);
        Assert.Equal(2, counts[("Rating", "General Audiences")]);
        Assert.Equal(1, counts[("Rating", "Explicit")]);
        Assert.Equal(0, counts[("Rating", "Mature")]);
        Assert.Equal(2, counts[("Status", "Complete")]);
        Assert.Equal(1, counts[("Status", "In progress")]);
        Assert.Equal(1, counts[("Words", "Under 1,000 words")]);
        Assert.Equal(1, counts[("Words", "1,000 to 10,000 words")]);
        Assert.Equal(1, counts[("Words", "10,000 to 50,000 words")]);

        // Each facet leads to exactly as many works as it counted, and then counts within its choice.
        var general = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(guest, FacetLink(feed, "Rating", "General Audiences"), Acquisition));
        Assert.Equal(["Facet General Complete", "Facet General Short"], Titles(general).Order());
        Assert.True(ActiveFacet(general, "Rating", "General Audiences"));
        var generalCounts = FacetCounts(general);
        Assert.Equal(1, generalCounts[("Status", "Complete")]);
        var generalComplete = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(guest, FacetLink(general, "Status", "Complete"), Acquisition));
        Assert.Equal(["Facet General Complete"], Titles(generalComplete));

        // A signed-in reader (through an app password) counts the restricted work too, still not the draft or the hidden one.
        var password = await CreateAppPasswordAsync(archive, "facetreader");
        var member = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(guest, feedAddress, Acquisition, ("facetreader", password)));
        Assert.Equal(3, FacetCounts(member)[("Rating", "General Audiences")]);
        Assert.Contains("Facet Restricted", Titles(member));
        Assert.DoesNotContain("Facet Draft", Titles(member));
        Assert.DoesNotContain("Facet Hidden", Titles(member));
        await FeedTools.AssertValidAsync(FeedTools.OpdsSchema, xml);
    }

    [Fact]
    public async Task Search_goes_through_the_OpenSearch_description_and_finds_only_what_the_reader_may_see()
    {
        await archive.CreateUserAsync("searchwriter");
        using var writer = await archive.LoggedInAsync("searchwriter");
        await FeedWorks.PostAsync(writer, "Lighthouse Keeper", fandom: "Search Fandom");
        await FeedWorks.PostAsync(writer, "Quiet Harbor", fandom: "Search Fandom", summary: "<p>Near a LIGHTHOUSE at dawn.</p>");
        await FeedWorks.PostAsync(writer, "Tagged Only", fandom: "Search Fandom", freeforms: "Lighthouses");
        await FeedWorks.PostAsync(writer, "Lighthouse Secret", fandom: "Search Fandom", restricted: true);
        await FeedWorks.PostAsync(writer, "Lighthouse Draft", fandom: "Search Fandom", draft: true);
        await FeedWorks.PostAsync(writer, "Unrelated Meadow", fandom: "Search Fandom");

        using var guest = archive.Guest();
        var root = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(guest, "/opds", Navigation));
        var description = await FeedWorks.FeedAsync(guest, FeedTools.Link(root.GetProperty("feed"), "search", "application/opensearchdescription+xml")!,
            "application/opensearchdescription+xml");
        XNamespace os = "http://a9.com/-/spec/opensearch/1.1/";
        var url = XDocument.Parse(description).Root!.Elements(os + "Url").Single();
        Assert.Equal(Acquisition, url.Attribute("type")!.Value);
        var template = url.Attribute("template")!.Value;
        Assert.Contains("{searchTerms}", template, StringComparison.Ordinal);

        var xml = await FeedWorks.FeedAsync(guest, template.Replace("{searchTerms}", Uri.EscapeDataString("lighthouse"), StringComparison.Ordinal), Acquisition);
        var found = await FeedTools.ParseAsync(xml);
        Assert.Equal(["Lighthouse Keeper", "Quiet Harbor", "Tagged Only"], Titles(found).Order());
        Assert.Equal(3, FacetCounts(found)[("Status", "In progress")]);
        Assert.Equal(0, FacetCounts(found)[("Status", "Complete")]);
        Assert.Equal(3, FacetCounts(found)[("Rating", "Any rating")]);
        await FeedTools.AssertValidAsync(FeedTools.OpdsSchema, xml);
    }

    [Fact]
    public async Task A_signed_in_reader_sees_their_own_works_in_the_root_and_a_guest_is_offered_to_sign_in()
    {
        using var guest = archive.Guest();
        var guestRoot = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(guest, "/opds", Navigation));
        Assert.Equal(["Recent works", "Fandoms", "Your works (sign in)"], Titles(guestRoot));
        // An e-reader's odd query string narrows nothing and breaks nothing.
        await FeedWorks.FeedAsync(guest, "/opds/recent?page=-3&rating=x&complete=perhaps&words=%00", Acquisition);
        await FeedWorks.FeedAsync(guest, "/opds/search?q=" + new string('x', 5000), Acquisition);
        var password = await CreateAppPasswordAsync(archive, "rootreader");
        var rootXml = await FeedWorks.FeedAsync(guest, "/opds", Navigation, ("rootreader", password));
        var root = await FeedTools.ParseAsync(rootXml);
        Assert.Equal(["Recent works", "Fandoms", "Your works", "Your bookmarks", "Marked for later"], Titles(root));
        var ids = Entries(root).Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.All(ids, id => Assert.StartsWith("urn:uuid:", id, StringComparison.Ordinal));
        Assert.Equal(Entries(guestRoot).Select(e => e.GetProperty("id").GetString()), ids.Take(3));
        var recentXml = await FeedWorks.FeedAsync(guest, FeedTools.Link(EntryTitled(root, "Recent works"), "subsection")!, Acquisition, ("rootreader", password));
        await FeedTools.AssertValidAsync(FeedTools.OpdsSchema, rootXml, recentXml);
    }

    [Fact]
    public async Task A_restricted_works_EPUB_downloads_with_the_app_password_its_feed_was_read_with()
    {
        await archive.CreateUserAsync("lockedwriter");
        using var writer = await archive.LoggedInAsync("lockedwriter");
        await FeedWorks.PostAsync(writer, "Locked Novella", restricted: true, words: 300);
        var password = await CreateAppPasswordAsync(archive, "lockedreader");
        using var reader = archive.Guest();
        var recent = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(reader, "/opds/recent", Acquisition, ("lockedreader", password)));
        var href = FeedTools.Link(EntryTitled(recent, "Locked Novella"), "http://opds-spec.org/acquisition/open-access", "application/epub+zip")!;
        await AssertEpubAsync(reader, href, ("lockedreader", password));
        Assert.NotEqual(HttpStatusCode.OK, (await FeedWorks.GetAsync(reader, href)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await FeedWorks.GetAsync(reader, href, ("lockedreader", WebClient.Password))).Status);
    }

    /// <summary>Downloads an acquisition link and checks that it is an EPUB: a ZIP whose first entry is the stored mimetype.</summary>
    private static async Task AssertEpubAsync(WebClient client, string href, (string, string)? basic)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(href));
        if (basic is var (user, password))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));
        }
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/epub+zip", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        Assert.Equal("mimetype", zip.Entries[0].FullName);
        using var mimetype = new StreamReader(zip.Entries[0].Open());
        Assert.Equal("application/epub+zip", await mimetype.ReadToEndAsync());
    }

    private static async Task<string> FandomFeedAddressAsync(WebClient client, string fandom)
    {
        var root = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(client, "/opds", Navigation));
        var fandoms = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(client, FeedTools.Link(EntryTitled(root, "Fandoms"), "subsection")!, Navigation));
        return FeedTools.Link(EntryTitled(fandoms, fandom), "subsection")!;
    }

    private static IEnumerable<JsonElement> Facets(JsonElement feed) =>
        FeedTools.Links(feed.GetProperty("feed"), "http://opds-spec.org/facet").Select(l => l!.Value);

    private static Dictionary<(string Group, string Title), int> FacetCounts(JsonElement feed) =>
        Facets(feed).ToDictionary(
            l => (l.GetProperty("opds:facetgroup").GetString()!, l.GetProperty("title").GetString()!),
            l => int.Parse(l.GetProperty("thr:count").GetString()!, CultureInfo.InvariantCulture));

    private static string FacetLink(JsonElement feed, string group, string title) =>
        Facets(feed).Single(l => l.GetProperty("opds:facetgroup").GetString() == group && l.GetProperty("title").GetString() == title)
            .GetProperty("href").GetString()!;

    private static bool ActiveFacet(JsonElement feed, string group, string title) =>
        Facets(feed).Single(l => l.GetProperty("opds:facetgroup").GetString() == group && l.GetProperty("title").GetString() == title)
            .TryGetProperty("opds:activefacet", out var active) && active.GetString() == "true";

    internal static async Task<string> CreateAppPasswordAsync(ArchiveFactory archive, string user)
    {
        await archive.CreateUserAsync(user);
        using var browser = await archive.LoggedInAsync(user);
        using var created = await (await browser.PageAsync("/account")).Form("Create app password").Set("AppPasswordLabel", "E-reader").SubmitAsync();
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await created.Content.ReadAsStringAsync());
        return html.QuerySelector("code.app-password")!.TextContent;
    }
}
