using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Makimono.Tests.Web;
using WebClient = Makimono.Tests.Web.WebClient;

namespace Makimono.Tests.Feeds;

/// <summary>
/// The catalog's acquisition feeds are listings (WorkQuery through IWorkSearch): the reader's muting and blocklist take
/// works out of them and out of every facet count, the status facet reaches works in progress, search reads the
/// archive's query syntax, and the tag's Atom feed follows the same muting. Every address is one a feed or page served.
/// </summary>
public sealed class OpdsListingTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    private const string Navigation = "application/atom+xml;profile=opds-catalog;kind=navigation";
    private const string Acquisition = "application/atom+xml;profile=opds-catalog;kind=acquisition";
    private const string AtomType = "application/atom+xml";

    [Fact]
    public async Task Muting_and_the_blocklist_take_works_out_of_catalog_feeds_their_facet_counts_and_the_tag_feed()
    {
        await archive.CreateUserAsync("opdsloud");
        await archive.CreateUserAsync("opdsquiet");
        const string fandom = "Muted Catalog Fandom";
        await FeedWorks.CanonicalFandomsAsync(archive, fandom);
        using (var loud = await archive.LoggedInAsync("opdsloud"))
        {
            await FeedWorks.PostAsync(loud, "Loud Tale", fandom: fandom);
        }
        using (var quiet = await archive.LoggedInAsync("opdsquiet"))
        {
            await FeedWorks.PostAsync(quiet, "Quiet Tale", fandom: fandom, complete: true);
            await FeedWorks.PostAsync(quiet, "Spider Tale", fandom: fandom, freeforms: "Catalog Spiders");
        }
        var password = await OpdsCatalogTests.CreateAppPasswordAsync(archive, "opdsmuter");
        using var browser = await archive.LoggedInAsync("opdsmuter");
        using (var mute = await browser.SubmitFormAsync("/users/opdsloud", "Mute opdsloud"))
        {
            Assert.Equal(HttpStatusCode.Redirect, mute.StatusCode);
        }
        using (var block = await browser.SubmitFormAsync("/filters", "Block tag", [new("TagName", "Catalog Spiders")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, block.StatusCode);
        }

        using var app = archive.Guest();
        var credentials = ("opdsmuter", password);
        var address = await FandomFeedAddressAsync(app, fandom, credentials);
        var xml = await FeedWorks.FeedAsync(app, address, Acquisition, credentials);
        var feed = await FeedTools.ParseAsync(xml);
        Assert.Equal(["Quiet Tale"], Titles(feed));
        var counts = FacetCounts(feed);
        Assert.Equal(1, counts[("Rating", "Any rating")]);
        Assert.Equal(1, counts[("Status", "Complete")]);
        Assert.Equal(0, counts[("Status", "In progress")]);
        Assert.Equal(1, TotalResults(xml));
        await FeedTools.AssertValidAsync(FeedTools.OpdsSchema, xml);

        // A guest's app keeps no filters: all three.
        var guest = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(app, await FandomFeedAddressAsync(app, fandom, null), Acquisition));
        Assert.Equal(["Loud Tale", "Quiet Tale", "Spider Tale"], Titles(guest).Order());
        Assert.Equal(2, FacetCounts(guest)[("Status", "In progress")]);

        // The tag's Atom feed, found in its page's head, follows the same muting and blocklist.
        var tagPage = await browser.PageAsync("/tags/Muted%20Catalog%20Fandom/works");
        var atom = tagPage.Document.QuerySelector($"head link[rel=alternate][type='{AtomType}']")!.GetAttribute("href")!;
        Assert.Equal(["Quiet Tale"], Titles(await FeedTools.ParseAsync(await FeedWorks.FeedAsync(app, atom, AtomType, credentials))));
        Assert.Equal(3, Titles(await FeedTools.ParseAsync(await FeedWorks.FeedAsync(app, atom, AtomType))).Count);
    }

    [Fact]
    public async Task The_status_facet_reaches_works_in_progress_and_keeps_the_other_choices()
    {
        await archive.CreateUserAsync("statuswriter");
        const string fandom = "Status Catalog Fandom";
        await FeedWorks.CanonicalFandomsAsync(archive, fandom);
        using (var writer = await archive.LoggedInAsync("statuswriter"))
        {
            await FeedWorks.PostAsync(writer, "Finished Explicit", fandom: fandom, ratingId: 5, complete: true);
            await FeedWorks.PostAsync(writer, "Ongoing Explicit", fandom: fandom, ratingId: 5);
            await FeedWorks.PostAsync(writer, "Ongoing General", fandom: fandom, ratingId: 2, words: 2000);
        }
        using var app = archive.Guest();
        var all = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(app, await FandomFeedAddressAsync(app, fandom, null), Acquisition));
        Assert.True(Active(all, "Status", "Complete or in progress"));

        var ongoingXml = await FeedWorks.FeedAsync(app, FacetLink(all, "Status", "In progress"), Acquisition);
        var ongoing = await FeedTools.ParseAsync(ongoingXml);
        Assert.Equal(["Ongoing Explicit", "Ongoing General"], Titles(ongoing).Order());
        Assert.True(Active(ongoing, "Status", "In progress"));
        Assert.False(Active(ongoing, "Status", "Complete or in progress"));
        // Within "in progress", the rating counts count only works in progress, and choosing one keeps the status.
        Assert.Equal(1, FacetCounts(ongoing)[("Rating", "Explicit")]);
        var ongoingExplicit = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(app, FacetLink(ongoing, "Rating", "Explicit"), Acquisition));
        Assert.Equal(["Ongoing Explicit"], Titles(ongoingExplicit));
        Assert.True(Active(ongoingExplicit, "Status", "In progress"));
        Assert.True(Active(ongoingExplicit, "Rating", "Explicit"));
        Assert.Equal(1, FacetCounts(ongoingExplicit)[("Status", "Complete")]);
        var longer = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(app, FacetLink(ongoing, "Words", "1,000 to 10,000 words"), Acquisition));
        Assert.Equal(["Ongoing General"], Titles(longer));
        var finished = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(app, FacetLink(ongoing, "Status", "Complete"), Acquisition));
        Assert.Equal(["Finished Explicit"], Titles(finished));
        await FeedTools.AssertValidAsync(FeedTools.OpdsSchema, ongoingXml);
    }

    [Fact]
    public async Task A_link_saved_with_the_old_facet_parameters_still_narrows_the_feed()
    {
        await archive.CreateUserAsync("oldlinkwriter");
        const string fandom = "Old Link Catalog Fandom";
        await FeedWorks.CanonicalFandomsAsync(archive, fandom);
        using (var writer = await archive.LoggedInAsync("oldlinkwriter"))
        {
            await FeedWorks.PostAsync(writer, "Old Short Finished Explicit", fandom: fandom, ratingId: 5, complete: true);
            await FeedWorks.PostAsync(writer, "Old Short Ongoing Explicit", fandom: fandom, ratingId: 5);
            await FeedWorks.PostAsync(writer, "Old Long Finished Explicit", fandom: fandom, ratingId: 5, complete: true, words: 2000);
            await FeedWorks.PostAsync(writer, "Old Short Finished General", fandom: fandom, ratingId: 2, complete: true);
        }
        using var app = archive.Guest();
        var address = await FandomFeedAddressAsync(app, fandom, null);

        // Links an e-reader saved from the catalog before its facets were listing parameters (the address a reader
        // kept, so the one address this test writes itself).
        var oldXml = await FeedWorks.FeedAsync(app, $"{address}?rating=5&complete=yes&words=under-1000", Acquisition);
        var old = await FeedTools.ParseAsync(oldXml);
        Assert.Equal(["Old Short Finished Explicit"], Titles(old));
        Assert.True(Active(old, "Rating", "Explicit"));
        Assert.True(Active(old, "Status", "Complete"));
        Assert.True(Active(old, "Words", "Under 1,000 words"));
        Assert.Null(XDocument.Parse(oldXml).Root!.Element(XName.Get("subtitle", "http://www.w3.org/2005/Atom")));
        await FeedTools.AssertValidAsync(FeedTools.OpdsSchema, oldXml);
        // The feed's own links are in today's parameters, and lead to the same works.
        var now = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(app, FacetLink(old, "Status", "Complete"), Acquisition));
        Assert.Equal(["Old Short Finished Explicit"], Titles(now));
        Assert.DoesNotContain("rating=", FacetLink(old, "Status", "Complete"), StringComparison.Ordinal);

        var ongoing = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(app, $"{address}?complete=no", Acquisition));
        Assert.Equal(["Old Short Ongoing Explicit"], Titles(ongoing));
        var longer = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(app, $"{address}?words=1000-10000", Acquisition));
        Assert.Equal(["Old Long Finished Explicit"], Titles(longer));
        // A value the old links never had narrows nothing, as then.
        Assert.Equal(4, Titles(await FeedTools.ParseAsync(await FeedWorks.FeedAsync(app, $"{address}?rating=99&words=short", Acquisition))).Count);
    }

    [Fact]
    public async Task Search_reads_the_archives_query_syntax_and_says_when_it_cannot()
    {
        await archive.CreateUserAsync("syntaxwriter");
        using (var writer = await archive.LoggedInAsync("syntaxwriter"))
        {
            await FeedWorks.PostAsync(writer, "Harbour Lights", fandom: "Syntax Catalog Fandom", complete: true);
            await FeedWorks.PostAsync(writer, "Harbour Fog", fandom: "Syntax Catalog Fandom");
            await FeedWorks.PostAsync(writer, "Harbour Elsewhere", fandom: "Other Syntax Fandom");
        }
        using var app = archive.Guest();
        var root = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(app, "/opds", Navigation));
        var description = XDocument.Parse(await FeedWorks.FeedAsync(app, FeedTools.Link(root.GetProperty("feed"), "search", "application/opensearchdescription+xml")!,
            "application/opensearchdescription+xml"));
        var template = description.Root!.Elements(XName.Get("Url", "http://a9.com/-/spec/opensearch/1.1/")).Single().Attribute("template")!.Value;
        string Search(string terms) => template.Replace("{searchTerms}", Uri.EscapeDataString(terms), StringComparison.Ordinal);

        var fielded = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(app, Search("harbour fandom:\"Syntax Catalog Fandom\""), Acquisition));
        Assert.Equal(["Harbour Fog", "Harbour Lights"], Titles(fielded).Order());
        var without = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(app, Search("harbour NOT fog"), Acquisition));
        Assert.Equal(["Harbour Elsewhere", "Harbour Lights"], Titles(without).Order());
        // The facets of a search keep its words.
        var complete = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(app, FacetLink(fielded, "Status", "Complete"), Acquisition));
        Assert.Equal(["Harbour Lights"], Titles(complete));

        var brokenXml = await FeedWorks.FeedAsync(app, Search("harbour (fog"), Acquisition);
        var broken = await FeedTools.ParseAsync(brokenXml);
        Assert.Empty(Titles(broken));
        // An empty feed is dated when it was answered, not 1970.
        var updated = XDocument.Parse(brokenXml).Root!.Element(XName.Get("updated", "http://www.w3.org/2005/Atom"))!.Value;
        Assert.True(DateTime.Parse(updated, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal).Year > 2000, $"an empty feed dated {updated}");
        var subtitle = broken.GetProperty("feed").GetProperty("subtitle").GetString()!;
        Assert.Contains("could not be read", subtitle, StringComparison.Ordinal);
        Assert.Contains("harbour (fog)", subtitle, StringComparison.Ordinal);
        await FeedTools.AssertValidAsync(FeedTools.OpdsSchema, brokenXml);
    }

    private static List<string?> Titles(JsonElement feed) =>
        [.. feed.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("title").GetString())];

    private static int TotalResults(string xml) =>
        int.Parse(XDocument.Parse(xml).Root!.Element(XName.Get("totalResults", "http://a9.com/-/spec/opensearch/1.1/"))!.Value, CultureInfo.InvariantCulture);

    private static async Task<string> FandomFeedAddressAsync(WebClient client, string fandom, (string, string)? basic)
    {
        var root = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(client, "/opds", Navigation, basic));
        var fandomsLink = FeedTools.Link(root.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("title").GetString() == "Fandoms"), "subsection")!;
        var fandoms = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(client, fandomsLink, Navigation, basic));
        return FeedTools.Link(fandoms.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("title").GetString() == fandom), "subsection")!;
    }

    private static IEnumerable<JsonElement> Facets(JsonElement feed) =>
        FeedTools.Links(feed.GetProperty("feed"), "http://opds-spec.org/facet").Select(l => l!.Value);

    private static JsonElement Facet(JsonElement feed, string group, string title) =>
        Facets(feed).Single(l => l.GetProperty("opds:facetgroup").GetString() == group && l.GetProperty("title").GetString() == title);

    private static Dictionary<(string Group, string Title), int> FacetCounts(JsonElement feed) =>
        Facets(feed).ToDictionary(
            l => (l.GetProperty("opds:facetgroup").GetString()!, l.GetProperty("title").GetString()!),
            l => int.Parse(l.GetProperty("thr:count").GetString()!, CultureInfo.InvariantCulture));

    private static string FacetLink(JsonElement feed, string group, string title) => Facet(feed, group, title).GetProperty("href").GetString()!;

    private static bool Active(JsonElement feed, string group, string title) =>
        Facet(feed, group, title).TryGetProperty("opds:activefacet", out var active) && active.GetString() == "true";
}
