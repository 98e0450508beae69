using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

public sealed class SignUpLimitTests(SignUpLimitTests.ThreeSignUpsAnHour archive) : IClassFixture<SignUpLimitTests.ThreeSignUpsAnHour>
{
    public sealed class ThreeSignUpsAnHour : ArchiveFactory
    {
        public const int Limit = 3;

        protected override void ConfigureArchive(IWebHostBuilder builder) => builder.UseSetting("RateLimits:SignUpsPerHour", $"{Limit}");
    }

    [Fact]
    public async Task Sign_ups_past_the_hourly_limit_from_one_address_get_a_429_page_that_says_why()
    {
        for (var i = 1; i <= ThreeSignUpsAnHour.Limit; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SignUpAsync($"newcomer{i}")).Status);
        }

        var (status, page) = await SignUpAsync("onetoomany");

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Contains("Too many sign-ups from your address", page, StringComparison.Ordinal);
        Assert.False(await archive.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "onetoomany")));
        // Reading the form is not limited.
        Assert.Equal(HttpStatusCode.OK, (await archive.Guest().GetAsync("/signup")).Status);
    }

    private async Task<(HttpStatusCode Status, string Page)> SignUpAsync(string name)
    {
        using var guest = archive.Guest();
        using var response = await (await guest.PageAsync("/signup")).Form("Create account")
            .Set("UserName", name).Set("Email", $"{name}@example.org").Set("Password", WebClient.Password).SubmitAsync();
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
