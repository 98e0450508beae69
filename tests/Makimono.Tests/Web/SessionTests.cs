using System.Net;
using Makimono.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>Sessions are records on the server: ending one ends every copy of its cookie, on every node.</summary>
public sealed class SessionTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    private const string Phone = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";
    private const string Laptop = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    [Fact]
    public async Task A_copied_cookie_stops_working_after_log_out_on_this_node_and_another()
    {
        await archive.CreateUserAsync("copied");
        using var browser = archive.Guest();
        var cookie = await LogInForCookieAsync(browser, "copied");
        using var secondNode = new SecondNode(archive);
        using var copyHere = WithCookie(archive, cookie);
        using var copyThere = WithCookie(secondNode, cookie);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(copyHere, "/account"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(copyThere, "/account"));

        using (var logOut = await (await browser.PageAsync("/account")).Form("Log out").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, logOut.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(copyHere, "/account"));
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(copyThere, "/account"));
    }

    [Fact]
    public async Task The_account_page_lists_the_sessions_and_ends_the_one_chosen()
    {
        await archive.CreateUserAsync("twodevices");
        using var laptop = await LoggedInFromAsync("twodevices", Laptop);
        using var phone = await LoggedInFromAsync("twodevices", Phone);

        var page = await laptop.PageAsync("/account");
        var rows = page.Document.QuerySelectorAll("ul[aria-labelledby=sessions-heading] > li").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("Firefox on Linux", StringComparison.Ordinal) && r.Contains("(this session)", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Chrome on Android", StringComparison.Ordinal) && !r.Contains("(this session)", StringComparison.Ordinal));

        using (var end = await page.Form("End session", near: "Chrome on Android").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, end.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(phone, "/account"));
        var after = await laptop.PageAsync("/account");
        var left = Assert.Single(after.Document.QuerySelectorAll("ul[aria-labelledby=sessions-heading] > li"));
        Assert.Contains("(this session)", left.TextContent, StringComparison.Ordinal);

        // Ending this session from the list is logging out here.
        using (var here = await after.Form("Log out here").SubmitAsync())
        {
            Assert.Equal("/", here.Headers.Location?.OriginalString);
        }
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(laptop, "/account"));
    }

    [Fact]
    public async Task Log_out_everywhere_ends_every_session_of_the_account()
    {
        await archive.CreateUserAsync("everywhere");
        await archive.CreateUserAsync("bystander");
        using var laptop = await LoggedInFromAsync("everywhere", Laptop);
        using var phone = await LoggedInFromAsync("everywhere", Phone);
        using var other = await archive.LoggedInAsync("bystander");

        using (var all = await (await laptop.PageAsync("/account")).Form("Log out everywhere").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(laptop, "/account"));
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(phone, "/account"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(other, "/account"));
    }

    private async Task<WebClient> LoggedInFromAsync(string name, string userAgent)
    {
        var client = archive.Guest();
        client.Http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        await client.LogInAsync(name);
        return client;
    }

    /// <summary>Logs in through the form and returns the session cookie as the browser got it.</summary>
    private static async Task<string> LogInForCookieAsync(WebClient client, string name)
    {
        using var response = await (await client.PageAsync("/login")).Form("Log in")
            .Set("UserName", name).Set("Password", WebClient.Password).SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("makimono.session=", StringComparison.Ordinal));
        return setCookie.Split(';')[0];
    }

    /// <summary>A client that sends a copy of someone's cookie and keeps none of its own, as a stolen cookie would be used.</summary>
    private static HttpClient WithCookie(WebApplicationFactory<Program> factory, string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> StatusAsync(WebClient client, string path) => (await client.GetAsync(path)).Status;

    /// <summary>A second web node on the same data folder (and so the same database), as two nodes behind a balancer.</summary>
    private sealed class SecondNode(ArchiveFactory first) : ArchiveFactory
    {
        private readonly string data = first.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value.DataDirectory;

        protected override void ConfigureArchive(IWebHostBuilder builder) => builder.UseSetting("Data", data);
    }
}
