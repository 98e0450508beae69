using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>Filtering, muting, the blocklist and saved searches, through the forms and links the pages serve.</summary>
public sealed partial class FilterPageTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task A_tag_page_filtered_with_an_include_and_an_exclude_and_sorted_by_kudos()
    {
        await archive.CreateUserAsync("filterer");
        using var author = await archive.LoggedInAsync("filterer");
        var ids = new Dictionary<string, int>
        {
            ["Fic Both"] = await author.PostWorkAsync("Fic Both", fandom: "Sidebar Fandom", characters: "Sidebar Hero, Sidebar Villain"),
            ["Fic Hero"] = await author.PostWorkAsync("Fic Hero", fandom: "Sidebar Fandom", characters: "Sidebar Hero"),
            ["Fic Hero Popular"] = await author.PostWorkAsync("Fic Hero Popular", fandom: "Sidebar Fandom", characters: "Sidebar Hero"),
            ["Fic Nobody"] = await author.PostWorkAsync("Fic Nobody", fandom: "Sidebar Fandom"),
        };
        // Kudos come from the readers' side later; here they are set as that side will set them.
        await archive.WithDbAsync(async db =>
        {
            await db.Works.Where(w => w.Id == ids["Fic Hero Popular"]).ExecuteUpdateAsync(u => u.SetProperty(w => w.KudosCount, 40));
            return await db.Works.Where(w => w.Id == ids["Fic Hero"]).ExecuteUpdateAsync(u => u.SetProperty(w => w.KudosCount, 3));
        });

        using var guest = archive.Guest();
        var page = await guest.PageAsync("/tags/Sidebar%20Fandom/works");
        Assert.Equal(["Fic Nobody", "Fic Hero Popular", "Fic Hero", "Fic Both"], Titles(page));
        Assert.Equal("Sidebar Hero (3)", LabelOf(page, "inc", "Sidebar Hero"));

        var form = page.Form("Sort and filter")
            .Check("inc", ValueOf(page, "inc", "Sidebar Hero"))
            .Check("exc", ValueOf(page, "exc", "Sidebar Villain"))
            .Set("sort", "kudos");
        using var response = await form.SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var filtered = new HtmlPage(guest, response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync());

        Assert.Equal(["Fic Hero Popular", "Fic Hero"], Titles(filtered));
        Assert.Contains("1 – 2 of 2 works", filtered.Html);
        // The state is in the URL and in the form: both boxes stay ticked, and the excluded tag stays listed with 0.
        Assert.Contains("sort=kudos", filtered.Address.Query);
        Assert.Equal("Sidebar Villain (0)", LabelOf(filtered, "exc", "Sidebar Villain"));
        Assert.True(Box(filtered, "exc", "Sidebar Villain").HasAttribute("checked"));
        Assert.True(Box(filtered, "inc", "Sidebar Hero").HasAttribute("checked"));
        Assert.Equal("Sidebar Hero (2)", LabelOf(filtered, "inc", "Sidebar Hero"));

        // Ascending, through the same form.
        using var ascending = await filtered.Form("Sort and filter").Set("dir", "asc").SubmitAsync();
        var reversed = new HtmlPage(guest, ascending.RequestMessage!.RequestUri!, await ascending.Content.ReadAsStringAsync());
        Assert.Equal(["Fic Hero", "Fic Hero Popular"], Titles(reversed));
    }

    [Fact]
    public async Task The_home_user_and_pseud_listings_have_the_filter_sidebar()
    {
        await archive.CreateUserAsync("sidebarwriter");
        using var author = await archive.LoggedInAsync("sidebarwriter");
        await author.PostWorkAsync("Home Both", fandom: "Home Fandom", characters: "Home Hero, Home Villain");
        await author.PostWorkAsync("Home Hero Only", fandom: "Home Fandom", characters: "Home Hero");
        await author.PostWorkAsync("Home Nobody", fandom: "Home Fandom");
        using var guest = archive.Guest();
        async Task<HtmlPage> Filter(HtmlForm form)
        {
            using var response = await form.SubmitAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return new HtmlPage(guest, response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync());
        }

        // The user's page counts the user's works' tags, and its boxes filter that page.
        var user = await guest.PageAsync("/users/sidebarwriter");
        Assert.Equal("Home Hero (2)", LabelOf(user, "inc", "Home Hero"));
        var filteredUser = await Filter(user.Form("Sort and filter").Check("inc", ValueOf(user, "inc", "Home Hero")).Check("exc", ValueOf(user, "exc", "Home Villain")));
        Assert.Equal("/users/sidebarwriter", filteredUser.Address.AbsolutePath);
        Assert.Equal(["Home Hero Only"], Titles(filteredUser));

        // The pseud's page, reached from a blurb's byline, the same.
        var pseud = await guest.PageAsync(user.Document.QuerySelectorAll("li.blurb a[rel=author]")[0].GetAttribute("href")!);
        Assert.Equal("Home Villain (1)", LabelOf(pseud, "inc", "Home Villain"));
        var filteredPseud = await Filter(pseud.Form("Sort and filter").Check("inc", ValueOf(pseud, "inc", "Home Villain")));
        Assert.Equal("/users/sidebarwriter/pseuds/sidebarwriter", filteredPseud.Address.AbsolutePath);
        Assert.Equal(["Home Both"], Titles(filteredPseud));

        // The home page: tags typed by name, since its top tags are the whole archive's.
        var home = await guest.PageAsync("/");
        var filteredHome = await Filter(home.Form("Sort and filter").Set("inc_names", "Home Fandom").Set("exc_names", "Home Villain").Set("sort", "title").Set("dir", "asc"));
        Assert.Equal("/", filteredHome.Address.AbsolutePath);
        Assert.Equal(["Home Hero Only", "Home Nobody"], Titles(filteredHome));
        Assert.Equal("Home Fandom (2)", LabelOf(filteredHome, "inc", "Home Fandom"));
    }

    [Fact]
    public async Task Muting_a_user_takes_their_works_out_of_listings_and_one_click_shows_them_and_why()
    {
        await archive.CreateUserAsync("mutedwriter");
        await archive.CreateUserAsync("mutingreader");
        using var writer = await archive.LoggedInAsync("mutedwriter");
        await writer.PostWorkAsync("Loud Work", fandom: "Mute Fandom");
        using var other = await archive.LoggedInAsync("mutingreader");
        await other.PostWorkAsync("Quiet Work", fandom: "Mute Fandom");

        using var reader = await archive.LoggedInAsync("mutingreader");
        using (var mute = await reader.SubmitFormAsync("/users/mutedwriter", "Mute mutedwriter"))
        {
            Assert.Equal(HttpStatusCode.Redirect, mute.StatusCode);
        }
        var tagPage = await reader.PageAsync("/tags/Mute%20Fandom/works");
        Assert.Equal(["Quiet Work"], Titles(tagPage));
        Assert.Contains("1 work hidden by your", tagPage.Html);
        Assert.Equal("Mute Fandom (1)", LabelOf(tagPage, "inc", "Mute Fandom"));

        var shown = await reader.PageAsync(LinkTo(tagPage, "Show them and why"));
        Assert.Equal(["Quiet Work", "Loud Work"], Titles(shown));
        Assert.Contains("Hidden from you: you muted mutedwriter.", shown.Html);

        using (var unmute = await reader.SubmitFormAsync("/filters", "Unmute mutedwriter"))
        {
            Assert.Equal(HttpStatusCode.Redirect, unmute.StatusCode);
        }
        Assert.Equal(["Quiet Work", "Loud Work"], Titles(await reader.PageAsync("/tags/Mute%20Fandom/works")));
    }

    [Fact]
    public async Task A_guests_blocklist_lives_in_a_cookie_and_blocks_a_tags_synonyms_too()
    {
        await archive.CreateUserAsync("blockwriter");
        using var writer = await archive.LoggedInAsync("blockwriter");
        await writer.PostWorkAsync("Spider Story", fandom: "Block Fandom", characters: "Spiders");
        await writer.PostWorkAsync("Cat Story", fandom: "Block Fandom", characters: "Cats");

        using var guest = archive.Guest();
        using (var refused = await guest.SubmitFormAsync("/filters", "Block tag", [new("TagName", "No Such Tag Anywhere")]))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("No tag is named", html);
            Assert.Contains("No Such Tag Anywhere", html);
        }
        using (var block = await guest.SubmitFormAsync("/filters", "Block tag", [new("TagName", "spiders")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, block.StatusCode);
        }
        var page = await guest.PageAsync("/tags/Block%20Fandom/works");
        Assert.Equal(["Cat Story"], Titles(page));
        Assert.Contains("1 work hidden by your", page.Html);

        using (var unblock = await guest.SubmitFormAsync("/filters", "Unblock Spiders"))
        {
            Assert.Equal(HttpStatusCode.Redirect, unblock.StatusCode);
        }
        Assert.Equal(["Cat Story", "Spider Story"], Titles(await guest.PageAsync("/tags/Block%20Fandom/works")));
    }

    [Fact]
    public async Task A_saved_search_counts_new_works_until_opened_and_can_be_deleted()
    {
        await archive.CreateUserAsync("saver");
        using var saver = await archive.LoggedInAsync("saver");
        await saver.PostWorkAsync("Lighthouse Keeper", fandom: "Saved Fandom");

        var home = await saver.PageAsync("/");
        using var searched = await home.Form("Search").Set("q", "lighthouse").SubmitAsync();
        var results = new HtmlPage(saver, searched.RequestMessage!.RequestUri!, await searched.Content.ReadAsStringAsync());
        Assert.Equal(["Lighthouse Keeper"], Titles(results));

        using var saved = await results.Form("Save search").Set("SaveName", "Lighthouses").SubmitAsync();
        var list = await saver.FollowAsync(saved);
        Assert.Contains("Lighthouses</strong>: 0 new", list.Html);

        await saver.PostWorkAsync("Second Lighthouse", fandom: "Saved Fandom");
        await saver.PostWorkAsync("Unrelated Harbour", fandom: "Saved Fandom");
        list = await saver.PageAsync("/account/searches");
        Assert.Contains("Lighthouses</strong>: 1 new", list.Html);

        using var opened = await list.Form("Open Lighthouses").SubmitAsync();
        var reopened = await saver.FollowAsync(opened);
        Assert.Equal(["Second Lighthouse", "Lighthouse Keeper"], Titles(reopened));
        Assert.Contains("Lighthouses</strong>: 0 new", (await saver.PageAsync("/account/searches")).Html);

        using var deleted = await (await saver.PageAsync("/account/searches")).Form("Delete Lighthouses").SubmitAsync();
        Assert.Contains("No saved searches yet", (await saver.FollowAsync(deleted)).Html);
    }

    [Fact]
    public async Task Filter_parameters_that_cannot_be_read_are_named_and_the_rest_still_apply()
    {
        await archive.CreateUserAsync("badparams");
        using var writer = await archive.LoggedInAsync("badparams");
        await writer.PostWorkAsync("Short Harbour Tale", fandom: "Param Fandom");

        using var guest = archive.Guest();
        var (status, html) = await guest.GetAsync("/works/search?q=harbour&words_min=lots&sort=bogus&crossover=sideways&posted_max=yesterday&page=0");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var expected in new[]
        {
            "&quot;lots&quot; in words_min is not a whole number", "Sort &quot;bogus&quot; is not one of",
            "Crossovers &quot;sideways&quot; is not one of", "&quot;yesterday&quot; in posted_max is not a date", "Page &quot;0&quot; is not a page number",
        })
        {
            Assert.Contains(expected, html);
        }
        Assert.Contains("Short Harbour Tale", html);

        var (_, past) = await guest.GetAsync("/works/search?q=harbour&page=40");
        Assert.Contains("Page 40 is past the last page of 1 works.", past);
    }

    [Fact]
    public async Task A_saved_search_name_that_is_too_long_is_refused_and_nothing_is_saved()
    {
        await archive.CreateUserAsync("longnamer");
        using var saver = await archive.LoggedInAsync("longnamer");
        var results = await saver.PageAsync("/works/search?q=anything");
        var form = results.Form("Save search");
        form.Element.QuerySelector("input[name=SaveName]")!.RemoveAttribute("maxlength");
        using var refused = await form.Set("SaveName", new string('n', SavedSearchNameMax + 1)).SubmitAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("at most 100 characters", await refused.Content.ReadAsStringAsync());
        Assert.Contains("No saved searches yet", (await saver.PageAsync("/account/searches")).Html);
    }

    [Fact]
    public async Task The_sidebar_filters_complete_works_or_works_in_progress()
    {
        await archive.CreateUserAsync("statusfilterer");
        using var writer = await archive.LoggedInAsync("statusfilterer");
        await Feeds.FeedWorks.PostAsync(writer, "Status Done", fandom: "Status Fandom", complete: true);
        await Feeds.FeedWorks.PostAsync(writer, "Status Ongoing", fandom: "Status Fandom");
        await Feeds.FeedWorks.PostAsync(writer, "Status Ongoing Too", fandom: "Status Fandom");
        using var guest = archive.Guest();
        async Task<HtmlPage> Filter(HtmlForm form)
        {
            using var response = await form.SubmitAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return new HtmlPage(guest, response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync());
        }

        var page = await guest.PageAsync("/tags/Status%20Fandom/works");
        Assert.True(page.Document.QuerySelector("input[name=complete][value='']")!.HasAttribute("checked"));
        var ongoing = await Filter(page.Form("Sort and filter").Check("complete", "0"));
        Assert.Equal(["Status Ongoing Too", "Status Ongoing"], Titles(ongoing));
        Assert.Contains("complete=0", ongoing.Address.Query);
        Assert.True(ongoing.Document.QuerySelector("input[name=complete][value='0']")!.HasAttribute("checked"));
        Assert.Equal("Status Fandom (2)", LabelOf(ongoing, "inc", "Status Fandom"));
        var done = await Filter(ongoing.Form("Sort and filter").Check("complete", "1"));
        Assert.Equal(["Status Done"], Titles(done));
        var any = await Filter(done.Form("Sort and filter").Check("complete", ""));
        Assert.Equal(3, Titles(any).Count);

        var (_, refused) = await guest.GetAsync("/tags/Status%20Fandom/works?complete=maybe");
        Assert.Contains("Complete &quot;maybe&quot; is not 1", refused);
    }

    [Fact]
    public async Task A_listing_that_filters_out_every_work_says_none_match_rather_than_none_are_posted()
    {
        await archive.CreateUserAsync("nomatchfilterer");
        using var writer = await archive.LoggedInAsync("nomatchfilterer");
        await Feeds.FeedWorks.PostAsync(writer, "Nomatch Ongoing", fandom: "Nomatch Fandom");
        using var guest = archive.Guest();
        var page = await guest.PageAsync("/tags/Nomatch%20Fandom/works");
        Assert.Equal(["Nomatch Ongoing"], Titles(page));

        using var response = await page.Form("Sort and filter").Check("complete", "1").SubmitAsync();
        var filtered = new HtmlPage(guest, response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync());

        Assert.Empty(Titles(filtered));
        Assert.Contains("No works match this search and these filters.", filtered.Html);
        Assert.DoesNotContain("No works here yet.", filtered.Html);
    }

    private const int SavedSearchNameMax = Makimono.Search.SavedSearch.NameMax;

    private static List<string> Titles(HtmlPage page) =>
        page.Document.QuerySelectorAll("li.blurb h3").Select(h => h.QuerySelector("a")!.TextContent.Trim()).ToList();

    private static IElement Box(HtmlPage page, string name, string tag) =>
        page.Document.QuerySelectorAll($"input[name={name}]").Single(i =>
            page.Document.QuerySelector($"label[for='{i.Id}']")!.TextContent.Trim().StartsWith(tag + " (", StringComparison.Ordinal));

    private static string ValueOf(HtmlPage page, string name, string tag) => Box(page, name, tag).GetAttribute("value")!;

    private static string LabelOf(HtmlPage page, string name, string tag) =>
        Spaces().Replace(page.Document.QuerySelector($"label[for='{Box(page, name, tag).Id}']")!.TextContent.Trim(), " ");

    private static string LinkTo(HtmlPage page, string text) =>
        page.Document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == text).GetAttribute("href")!;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
