using System.Net;
using Makimono.Tests.Web;
using Microsoft.EntityFrameworkCore;
using WebClient = Makimono.Tests.Web.WebClient;

namespace Makimono.Tests.Mail;

/// <summary>Without SMTP settings nothing fails: sign-up needs no address, and the mail pages say what to do instead.</summary>
public sealed class NoMailTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    [Fact]
    public async Task Sign_up_needs_no_address_and_forgot_password_points_to_the_admin()
    {
        using var guest = archive.Guest();
        var signUp = await guest.PageAsync("/signup");
        Assert.Contains("Email (optional)", signUp.Html, StringComparison.Ordinal);
        using var created = await signUp.Form("Create account").Set("UserName", "noaddress").Set("Email", "").Set("Password", WebClient.Password).SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/", created.Headers.Location!.OriginalString);
        Assert.Null(await archive.WithDbAsync(db => db.Users.Where(u => u.UserName == "noaddress").Select(u => u.Email).SingleAsync()));

        var login = await guest.PageAsync("/login");
        var forgot = await guest.PageAsync(login.Links.Single(l => l.AbsolutePath == "/password/forgot").PathAndQuery);
        Assert.Contains("does not send mail", forgot.Html, StringComparison.Ordinal);
        Assert.Contains("makimono user reset-password", forgot.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(forgot.Forms, f => f.Method == "POST" && f.Action.AbsolutePath == "/password/forgot");
    }

    [Fact]
    public async Task The_address_is_changed_at_once_and_left_unconfirmed()
    {
        await archive.CreateUserAsync("nomailmover");
        using var client = await archive.LoggedInAsync("nomailmover");
        var page = await client.PageAsync("/account/email");
        Assert.Contains("does not send mail at the moment", page.Html, StringComparison.Ordinal);
        Assert.False(page.HasButton("Send the confirmation link again"));

        using var changed = await page.Form("Change email").Set("NewEmail", "moved@example.net").Set("CurrentPassword", WebClient.Password).SubmitAsync();
        Assert.Contains("Your address was changed", (await client.FollowAsync(changed)).Html, StringComparison.Ordinal);
        var stored = await archive.WithDbAsync(db => db.Users.Where(u => u.UserName == "nomailmover").Select(u => new { u.Email, u.EmailConfirmedAt }).SingleAsync());
        Assert.Equal("moved@example.net", stored.Email);
        Assert.Null(stored.EmailConfirmedAt);
    }
}
