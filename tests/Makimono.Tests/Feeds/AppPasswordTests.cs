using System.Net;
using Makimono.Tests.Web;
using WebClient = Makimono.Tests.Web.WebClient;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Feeds;

/// <summary>App passwords: made and revoked on the account page, shown once, stored as a hash, and the only password the feeds take.</summary>
public sealed class AppPasswordTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    private static async Task<string> CreateAsync(WebClient client, string label)
    {
        var page = await (await client.PageAsync("/account")).Form("Create app password").Set("AppPasswordLabel", label).SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        return html.QuerySelector("code.app-password")?.TextContent ?? throw new InvalidOperationException("The new app password was not shown.");
    }

    [Fact]
    public async Task An_app_password_is_shown_once_stored_as_a_hash_and_opens_the_personal_feed_until_revoked()
    {
        await archive.CreateUserAsync("kobo");
        using var browser = await archive.LoggedInAsync("kobo");
        await FeedWorks.PostAsync(browser, "Members Only Novella", restricted: true);
        await FeedWorks.PostAsync(browser, "Unposted Draft Notes", draft: true);

        var password = await CreateAsync(browser, "Kobo Clara");
        Assert.Matches("^[a-z2-9]{4}(-[a-z2-9]{4}){4}$", password);
        var account = await browser.PageAsync("/account");
        Assert.Contains("Kobo Clara", account.Html);
        Assert.Contains("never used", account.Html);
        Assert.DoesNotContain(password, account.Html);
        var stored = await archive.WithDbAsync(db => db.AppPasswords.SingleAsync(p => p.Label == "Kobo Clara"));
        Assert.NotEqual(password, stored.Hash);
        Assert.DoesNotContain(password, stored.Hash, StringComparison.OrdinalIgnoreCase);

        using var reader = archive.Guest();
        var mine = await FeedTools.ParseAsync(await FeedWorks.FeedAsync(reader, "/opds/my/works", FeedWorks.Opds, ("kobo", password)));
        var titles = mine.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("title").GetString()).ToList();
        Assert.Contains("Members Only Novella", titles);
        Assert.Contains("Unposted Draft Notes", titles);
        Assert.NotNull(await archive.WithDbAsync(db => db.AppPasswords.Where(p => p.Label == "Kobo Clara").Select(p => p.LastUsedAt).SingleAsync()));
        Assert.DoesNotContain("never used", (await browser.PageAsync("/account")).Html);
        // The same password also opens the restricted work's place in the public feeds.
        var recent = await FeedWorks.FeedAsync(reader, "/opds/recent", FeedWorks.Opds, ("KOBO", password));
        Assert.Contains("Members Only Novella", recent);

        using (var revoke = await browser.SubmitFormAsync("/account", "Revoke", near: "Kobo Clara"))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        }
        var refused = await FeedWorks.GetAsync(reader, "/opds/my/works", ("kobo", password));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.StartsWith("Basic realm=", refused.WwwAuthenticate, StringComparison.Ordinal);
        Assert.DoesNotContain("Kobo Clara", (await browser.PageAsync("/account")).Html);
    }

    [Fact]
    public async Task Feeds_refuse_the_account_password_a_wrong_password_and_another_users_app_password()
    {
        await archive.CreateUserAsync("tolino");
        await archive.CreateUserAsync("pocketbook");
        using var tolino = await archive.LoggedInAsync("tolino");
        using var pocketbook = await archive.LoggedInAsync("pocketbook");
        var tolinoPassword = await CreateAsync(tolino, "Tolino");
        using var reader = archive.Guest();

        foreach (var (user, password) in new[] { ("tolino", WebClient.Password), ("tolino", "wrong-wrong-wrong"), ("pocketbook", tolinoPassword), ("nobody", tolinoPassword) })
        {
            foreach (var address in new[] { "/opds", "/opds/my/works", "/opds/recent", "/users/tolino/works.atom" })
            {
                var answer = await FeedWorks.GetAsync(reader, address, (user, password));
                Assert.True(answer.Status == HttpStatusCode.Unauthorized, $"{user}:{password} on {address} gave {(int)answer.Status}");
                Assert.Equal(AppPasswordChallenge, answer.WwwAuthenticate);
            }
        }
        // A guest without credentials reads the public catalog, and is asked for them only for the personal feed.
        Assert.Equal(HttpStatusCode.OK, (await FeedWorks.GetAsync(reader, "/opds")).Status);
        var personal = await FeedWorks.GetAsync(reader, "/opds/my/works");
        Assert.Equal(HttpStatusCode.Unauthorized, personal.Status);
        Assert.Equal(AppPasswordChallenge, personal.WwwAuthenticate);
        // An app password opens the feeds only: a page with it is a guest's page.
        var accountPage = await FeedWorks.GetAsync(reader, "/account", ("tolino", tolinoPassword));
        Assert.Equal(HttpStatusCode.Redirect, accountPage.Status);
        Assert.Equal(HttpStatusCode.OK, (await FeedWorks.GetAsync(reader, "/opds/my/works", ("tolino", tolinoPassword))).Status);
    }

    [Fact]
    public async Task An_app_password_needs_a_name_and_revoking_one_leaves_the_others()
    {
        await archive.CreateUserAsync("twodevices");
        using var browser = await archive.LoggedInAsync("twodevices");
        using (var unnamed = await (await browser.PageAsync("/account")).Form("Create app password").Set("AppPasswordLabel", "  ").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.OK, unnamed.StatusCode);
            Assert.Contains("Name the app password", await unnamed.Content.ReadAsStringAsync());
        }
        Assert.Equal(0, await archive.WithDbAsync(db => db.AppPasswords.CountAsync(p => p.User.UserName == "twodevices")));
        var phone = await CreateAsync(browser, "Phone");
        var tablet = await CreateAsync(browser, "Tablet");
        Assert.NotEqual(phone, tablet);
        using (var revoke = await browser.SubmitFormAsync("/account", "Revoke", near: "Phone"))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        }
        using var reader = archive.Guest();
        Assert.Equal(HttpStatusCode.Unauthorized, (await FeedWorks.GetAsync(reader, "/opds/my/works", ("twodevices", phone))).Status);
        Assert.Equal(HttpStatusCode.OK, (await FeedWorks.GetAsync(reader, "/opds/my/works", ("twodevices", tablet))).Status);
    }

    private const string AppPasswordChallenge = "Basic realm=\"Makimono feeds\", charset=\"UTF-8\"";
}
