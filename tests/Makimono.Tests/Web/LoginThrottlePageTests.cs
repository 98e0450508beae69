using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>
/// The per-account login throttle through the served login form, with every attempt from a different address, so
/// the per-address limit never comes into it.
/// </summary>
public sealed class LoginThrottlePageTests(LoginThrottlePageTests.ThreeFailuresPerAccount archive) : IClassFixture<LoginThrottlePageTests.ThreeFailuresPerAccount>
{
    private const string Wrong = "not the password at all";

    public sealed class ThreeFailuresPerAccount : ArchiveFactory
    {
        public const int Limit = 3;
        public const int WindowMinutes = 15;
        private int nextAddress;

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureArchive(IWebHostBuilder builder)
        {
            builder.UseSetting("RateLimits:FailedLoginsPerAccount", $"{Limit}");
            builder.UseSetting("RateLimits:FailedLoginWindowMinutes", $"{WindowMinutes}");
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<IStartupFilter, ConnectionFromHeader>();
            });
        }

        /// <summary>A guest from an address no earlier guest used.</summary>
        public WebClient GuestFromNewAddress() => ConnectionFromHeader.From(Guest(), $"198.51.100.{Interlocked.Increment(ref nextAddress)}");
    }

    private async Task<(HttpStatusCode Status, HtmlPage? Page)> LogInAsync(string name, string password)
    {
        using var guest = archive.GuestFromNewAddress();
        var login = await guest.PageAsync("/login");
        using var response = await login.Form("Log in").Set("UserName", name).Set("Password", password).SubmitAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, null);
        }
        return (response.StatusCode, new HtmlPage(guest, login.Address, await response.Content.ReadAsStringAsync()));
    }

    private static string ErrorText(HtmlPage page) =>
        string.Join(' ', page.Document.QuerySelector(".errors")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<HtmlPage> FailUntilThrottledAsync(string name)
    {
        for (var i = 1; i <= ThreeFailuresPerAccount.Limit; i++)
        {
            var (status, page) = await LogInAsync(name, Wrong);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("The user name or password is not right.", ErrorText(page!), StringComparison.Ordinal);
        }
        var (refusedStatus, refused) = await LogInAsync(name, Wrong);
        Assert.Equal(HttpStatusCode.OK, refusedStatus);
        return refused!;
    }

    [Fact]
    public async Task Wrong_passwords_from_many_addresses_pause_the_account_even_for_the_right_password_until_the_window_passes()
    {
        await archive.CreateUserAsync("guessedat");
        await archive.CreateUserAsync("bystander");

        var refused = await FailUntilThrottledAsync("guessedat");
        Assert.Contains($"Too many wrong passwords for this user name. Logging in with it is paused; try again in {ThreeFailuresPerAccount.WindowMinutes} minutes",
            ErrorText(refused), StringComparison.Ordinal);

        // The right password is refused too while the pause lasts, with the name kept and the password not.
        var (status, page) = await LogInAsync("guessedat", WebClient.Password);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Logging in with it is paused", ErrorText(page!), StringComparison.Ordinal);
        var form = page!.Form("Log in");
        Assert.Equal("guessedat", form.Value("UserName"));
        Assert.Equal("", form.Value("Password"));
        Assert.DoesNotContain(WebClient.Password, page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);

        // Another account is not paused by it.
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync("bystander", WebClient.Password)).Status);

        // Just before the window passes the pause holds and says one minute; after it, the right password works.
        archive.Clock.Advance(TimeSpan.FromMinutes(ThreeFailuresPerAccount.WindowMinutes) - TimeSpan.FromSeconds(30));
        Assert.Contains("try again in 1 minute ", ErrorText((await LogInAsync("guessedat", WebClient.Password)).Page!), StringComparison.Ordinal);
        archive.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync("guessedat", WebClient.Password)).Status);
    }

    [Fact]
    public async Task A_name_without_an_account_is_paused_with_the_same_answer_as_an_account()
    {
        await archive.CreateUserAsync("realaccount");

        var forAccount = await FailUntilThrottledAsync("realaccount");
        var forNobody = await FailUntilThrottledAsync("nosuchaccount");

        Assert.Equal(ErrorText(forAccount), ErrorText(forNobody));
        Assert.Contains("Logging in with it is paused", ErrorText(forNobody), StringComparison.Ordinal);
        Assert.Equal("nosuchaccount", forNobody.Form("Log in").Value("UserName"));
        // The same page apart from the typed name (and the per-request antiforgery token).
        Assert.Equal(Shape(forAccount, "realaccount"), Shape(forNobody, "nosuchaccount"));
    }

    private static string Shape(HtmlPage page, string name)
    {
        var main = page.Document.QuerySelector("main")!.Clone(deep: true) as AngleSharp.Dom.IElement;
        foreach (var token in main!.QuerySelectorAll("input[name=__RequestVerificationToken]"))
        {
            token.SetAttribute("value", "");
        }
        return main.OuterHtml.Replace(name, "NAME", StringComparison.Ordinal);
    }
}
