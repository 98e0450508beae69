using System.Net;
using Makimono.Accounts;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Makimono.Tests.Web;

public sealed class AccountTests(ArchiveFactory archive) : IClassFixture<ArchiveFactory>
{
    /// <summary>Signs up as a new guest through the form the sign-up page serves (with its code field when it has one).</summary>
    private async Task<HttpResponseMessage> SignUpAsync(string name, string? code = null)
    {
        using var guest = archive.Guest();
        var form = (await guest.PageAsync("/signup")).Form("Create account")
            .Set("UserName", name).Set("Email", $"{name}@example.org").Set("Password", WebClient.Password);
        if (code is not null)
        {
            form.Set("InvitationCode", code);
        }
        return await form.SubmitAsync();
    }

    [Fact]
    public async Task Sign_up_follows_the_mode_the_admin_sets()
    {
        await SetModeAsync(SignUpMode.Open);
        using (var open = await SignUpAsync("openjoiner"))
        {
            Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        }

        await SetModeAsync(SignUpMode.Closed);
        var (_, closedPage) = await archive.Guest().GetAsync("/signup");
        Assert.Contains("not taking new accounts", closedPage);

        await SetModeAsync(SignUpMode.InvitationOnly);
        using (var noCode = await SignUpAsync("uninvited", "wrong-code"))
        {
            Assert.Equal(HttpStatusCode.OK, noCode.StatusCode);
            Assert.Contains("invitation code is not valid", await noCode.Content.ReadAsStringAsync());
        }
        var code = await archive.WithDbAsync(async db =>
        {
            db.Invitations.Add(new Invitation { Code = "welcome-123", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return "welcome-123";
        });
        using (var invited = await SignUpAsync("invitee", code))
        {
            Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        }
        Assert.True(await archive.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Code == code && i.UsedByUserId != null)));
        using (var reused = await SignUpAsync("second-invitee", code))
        {
            Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        }
        var names = await archive.WithDbAsync(db => db.Users.Select(u => u.UserName).ToListAsync());
        Assert.Contains("openjoiner", names);
        Assert.Contains("invitee", names);
        Assert.DoesNotContain("uninvited", names);
        Assert.DoesNotContain("second-invitee", names);
        await SetModeAsync(SignUpMode.Open);
    }

    [Fact]
    public async Task Wrong_passwords_do_not_log_in_and_changed_passwords_do()
    {
        await archive.CreateUserAsync("changer");
        using var guest = archive.Guest();
        using (var wrong = await guest.SubmitFormAsync("/login", "Log in", [new("UserName", "changer"), new("Password", "not the password")]))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("user name or password is not right", await wrong.Content.ReadAsStringAsync());
        }

        using var client = await archive.LoggedInAsync("changer");
        using (var change = await client.SubmitFormAsync("/account", "Change password", [new("CurrentPassword", WebClient.Password), new("NewPassword", "a brand new secret")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        }
        using var again = archive.Guest();
        using (var old = await again.SubmitFormAsync("/login", "Log in", [new("UserName", "changer"), new("Password", WebClient.Password)]))
        {
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        }
        using (var fresh = await again.SubmitFormAsync("/login", "Log in", [new("UserName", "changer"), new("Password", "a brand new secret")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        }
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_and_keeps_this_one()
    {
        await archive.CreateUserAsync("two_browsers");
        using var laptop = await archive.LoggedInAsync("two_browsers");
        using var phone = await archive.LoggedInAsync("two_browsers");
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/account")).Status);

        using (var change = await laptop.SubmitFormAsync("/account", "Change password", [new("CurrentPassword", WebClient.Password), new("NewPassword", "lanterns on the quay")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        }

        var (laptopStatus, laptopPage) = await laptop.GetAsync("/account?changed=true");
        Assert.Equal(HttpStatusCode.OK, laptopStatus);
        Assert.Contains("Your password was changed.", laptopPage);
        using var phoneResponse = await phone.Http.GetAsync(new Uri("/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, phoneResponse.StatusCode);
        Assert.StartsWith("/login", phoneResponse.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Admin_rights_taken_away_end_at_the_next_request_not_when_the_cookie_expires()
    {
        var user = await archive.CreateUserAsync("former_admin", isAdmin: true);
        using var client = await archive.LoggedInAsync("former_admin");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).Status);

        await archive.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsAdmin, false));
            return 0;
        });

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin")).Status);
        // Still signed in: only the rights changed.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).Status);
    }

    [Fact]
    public async Task A_work_can_be_credited_to_a_second_pseud()
    {
        await archive.CreateUserAsync("manyfaces");
        using var client = await archive.LoggedInAsync("manyfaces");
        using (var add = await client.SubmitFormAsync("/account/pseuds", "Add pseud", [new("NewPseud", "Night Owl")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        }
        var pseudId = await archive.WithDbAsync(db => db.Pseuds.Where(p => p.Name == "Night Owl").Select(p => p.Id).SingleAsync());
        using var posted = await client.SubmitFormAsync("/works/new", "Post",
        [
            new("Work.Title", "Owl Hours"), new("Work.Fandoms", "Birds"), new("Work.WarningIds", "14"),
            new("Work.PseudId", pseudId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Chapter.Body", "Hoot, said the night, softly."),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var (_, pseudPage) = await archive.Guest().GetAsync("/users/manyfaces/pseuds/Night%20Owl");
        Assert.Contains("Owl Hours", pseudPage);
        var (_, defaultPage) = await archive.Guest().GetAsync("/users/manyfaces/pseuds/manyfaces");
        Assert.DoesNotContain("Owl Hours", defaultPage);
    }

    [Fact]
    public async Task A_co_creator_is_credited_only_after_accepting()
    {
        await archive.CreateUserAsync("leadwriter");
        await archive.CreateUserAsync("cowriter");
        using var lead = await archive.LoggedInAsync("leadwriter");
        using var posted = await lead.SubmitFormAsync("/works/new", "Post",
        [
            new("Work.Title", "Written Together"), new("Work.Fandoms", "Duets"), new("Work.WarningIds", "14"),
            new("Work.CoCreators", "cowriter"), new("Chapter.Body", "Two hands, one story, told twice."),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var workPath = posted.Headers.Location!.OriginalString;
        var (_, before) = await archive.Guest().GetAsync(workPath);
        Assert.DoesNotContain("/users/cowriter/", before);

        using var co = await archive.LoggedInAsync("cowriter");
        var (_, invitations) = await co.GetAsync("/account/creatorships");
        Assert.Contains("Written Together", invitations);
        using (var accept = await co.SubmitFormAsync("/account/creatorships", "Accept", near: "Written Together"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        }
        var (_, after) = await archive.Guest().GetAsync(workPath);
        Assert.Contains("/users/cowriter/pseuds/cowriter", after);
        Assert.Equal(HttpStatusCode.OK, (await co.GetAsync($"{workPath}/edit")).Status);
    }

    private Task<bool> SetModeAsync(SignUpMode mode) => archive.WithDbAsync(async db =>
    {
        await SiteSettings.SetSignUpModeAsync(db, mode);
        return true;
    });
}
