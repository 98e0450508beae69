using System.Net;
using Xunit;

namespace Makimono.Tests.Web;

/// <summary>The name and password rules as a person meets them in the forms.</summary>
public sealed class AccountRulesTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task Sign_up_refuses_a_lookalike_name_and_a_common_password_and_says_why()
    {
        await archive.CreateUserAsync("marigold");
        using var guest = archive.Guest();

        var (lookalikeStatus, lookalike) = await SignUpAsync(guest, "m\u0430rigold", WebClient.Password);
        var (commonStatus, common) = await SignUpAsync(guest, "newcomer", "12345678");

        Assert.Equal(HttpStatusCode.OK, lookalikeStatus);
        Assert.Contains("looks too much like the name of the user &quot;marigold&quot;", lookalike.Html, StringComparison.Ordinal);
        Assert.Equal("m\u0430rigold", lookalike.Form("Create account").Value("UserName"));
        Assert.Equal(HttpStatusCode.OK, commonStatus);
        Assert.Contains("one of the most common", common.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pseuds_may_not_look_like_another_users_name_and_new_passwords_may_not_be_common()
    {
        await archive.CreateUserAsync("hollyhock");
        await archive.CreateUserAsync("snapdragon");
        using var client = await archive.LoggedInAsync("snapdragon");

        using var pseud = await (await client.PageAsync("/account/pseuds")).Form("Add pseud").Set("NewPseud", "\uFF48ollyhock").SubmitAsync();
        using var password = await (await client.PageAsync("/account")).Form("Change password")
            .Set("CurrentPassword", WebClient.Password).Set("NewPassword", "password").SubmitAsync();

        Assert.Equal(HttpStatusCode.OK, pseud.StatusCode);
        Assert.Contains("looks too much like the name of the user &quot;hollyhock&quot;", await pseud.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, password.StatusCode);
        Assert.Contains("one of the most common", await password.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Their own pseuds may still resemble their own name.
        using var own = await (await client.PageAsync("/account/pseuds")).Form("Add pseud").Set("NewPseud", "Snapdrag0n").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
    }

    private static async Task<(HttpStatusCode Status, HtmlPage Page)> SignUpAsync(WebClient guest, string name, string password)
    {
        var signUp = await guest.PageAsync("/signup");
        using var response = await signUp.Form("Create account")
            .Set("UserName", name).Set("Email", "someone@example.org").Set("Password", password).SubmitAsync();
        return (response.StatusCode, new HtmlPage(guest, signUp.Address, await response.Content.ReadAsStringAsync()));
    }
}
