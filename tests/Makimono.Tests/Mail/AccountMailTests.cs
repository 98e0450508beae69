using System.Net;
using WebClient = Makimono.Tests.Web.WebClient;
using Makimono.Accounts;
using Makimono.Mail;
using Makimono.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Makimono.Tests.Mail;

/// <summary>
/// Accounts by e-mail, through the pages and the mail a real SMTP server on loopback receives: every link the tests
/// follow is read from a received mail, every form is one the page serves.
/// </summary>
public sealed class AccountMailTests(MailArchiveFactory archive) : IClassFixture<MailArchiveFactory>
{
    private LoopbackSmtpServer Smtp => archive.Smtp;

    [Fact]
    public async Task Sign_up_mails_a_link_that_confirms_the_address_once()
    {
        using var guest = archive.Guest();
        using var signedUp = await (await guest.PageAsync("/signup")).Form("Create account")
            .Set("UserName", "lantern").Set("Email", "Lantern@Example.org").Set("Password", WebClient.Password).SubmitAsync();
        var settings = await guest.FollowAsync(signedUp);
        Assert.Contains("A link to confirm", settings.Html, StringComparison.Ordinal);
        Assert.Contains("not confirmed yet", settings.Html, StringComparison.Ordinal);
        Assert.Null(await ConfirmedAtAsync("lantern"));

        var mail = await Smtp.WaitForAsync("lantern@example.org");
        Assert.Equal("Confirm your address on localhost", mail.Subject);
        Assert.Equal("archive@makimono.test", Assert.Single(mail.From.Mailboxes).Address);
        var link = LoopbackSmtpServer.LinkIn(mail, "http://localhost/email/confirm?token=");

        // Opening the link changes nothing (mail scanners open links); the button confirms.
        var confirmPage = await archive.Guest().PageAsync(link);
        Assert.Contains("Lantern@Example.org", confirmPage.Html, StringComparison.Ordinal);
        Assert.Null(await ConfirmedAtAsync("lantern"));
        using var confirmed = await confirmPage.Form("Confirm address").SubmitAsync();
        Assert.Contains("Your address is confirmed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(await ConfirmedAtAsync("lantern"));

        // Used once, the link does nothing again.
        var again = await archive.Guest().PageAsync(link);
        Assert.Contains(AccountMail.InvalidLink, again.Html, StringComparison.Ordinal);
        Assert.False(again.HasButton("Confirm address"));
        using var replayed = await confirmPage.Form("Confirm address").SubmitAsync();
        Assert.Contains(AccountMail.InvalidLink, await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_up_refuses_a_missing_address_and_one_another_account_has_in_any_case()
    {
        await archive.CreateUserAsync("firstcomer");
        using var guest = archive.Guest();
        using var none = await (await guest.PageAsync("/signup")).Form("Create account")
            .Set("UserName", "noaddress").Set("Email", "").Set("Password", WebClient.Password).SubmitAsync();
        Assert.Contains("Enter your email address", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var taken = await (await guest.PageAsync("/signup")).Form("Create account")
            .Set("UserName", "secondcomer").Set("Email", "FIRSTCOMER@example.org").Set("Password", WebClient.Password).SubmitAsync();
        Assert.Contains("Another account has this email address", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await archive.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "noaddress" || u.UserName == "secondcomer")));
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_ends_every_session_and_tells_nobody_which_addresses_exist()
    {
        await ConfirmedUserAsync("forgetful");
        await archive.CreateUserAsync("unconfirmedreset");
        using var elsewhere = await archive.LoggedInAsync("forgetful");

        var unknownReply = await AskForResetAsync("nobody-here@example.org");
        var unconfirmedReply = await AskForResetAsync("unconfirmedreset@example.org");
        var knownReply = await AskForResetAsync("Forgetful@example.org");
        Assert.Equal(unknownReply, knownReply);
        Assert.Equal(unconfirmedReply, knownReply);
        Assert.Contains("works once, for one hour", knownReply, StringComparison.Ordinal);

        var mail = await Smtp.WaitForAsync("forgetful@example.org");
        Assert.Equal("Reset your password on localhost", mail.Subject);
        // Mail goes out in order, so the earlier requests would have arrived by now.
        Assert.Empty(Smtp.To("nobody-here@example.org"));
        Assert.Empty(Smtp.To("unconfirmedreset@example.org"));

        var link = LoopbackSmtpServer.LinkIn(mail, "http://localhost/password/reset?token=");
        using var guest = archive.Guest();
        var resetPage = await guest.PageAsync(link);
        Assert.Contains("forgetful", resetPage.Html, StringComparison.Ordinal);
        // A password the rules refuse leaves the link usable.
        using (var weak = await resetPage.Form("Save new password").Set("NewPassword", "password").SubmitAsync())
        {
            Assert.Contains("one of the most common", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var saved = await resetPage.Form("Save new password").Set("NewPassword", "tides under the pier").SubmitAsync())
        {
            var login = await guest.FollowAsync(saved);
            Assert.Contains("every session of your account has ended", login.Html, StringComparison.Ordinal);
        }
        using (var ended = await elsewhere.Http.GetAsync(new Uri("/account", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync("forgetful", "tides under the pier")).StatusCode);

        // Once only: the link and its form refuse a second password.
        Assert.Contains(AccountMail.InvalidLink, (await guest.PageAsync(link)).Html, StringComparison.Ordinal);
        using (var replay = await resetPage.Form("Save new password").Set("NewPassword", "another strong phrase").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync("forgetful", "another strong phrase")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync("forgetful", "tides under the pier")).StatusCode);
    }

    [Fact]
    public async Task A_reset_link_expires_after_an_hour_and_a_newer_one_replaces_it()
    {
        await ConfirmedUserAsync("slowreader");
        await AskForResetAsync("slowreader@example.org");
        var first = LoopbackSmtpServer.LinkIn(await Smtp.WaitForAsync("slowreader@example.org"), "http://localhost/password/reset?token=");
        await AskForResetAsync("slowreader@example.org");
        var second = LoopbackSmtpServer.LinkIn(await Smtp.WaitForAsync("slowreader@example.org", count: 2), "http://localhost/password/reset?token=");

        using var guest = archive.Guest();
        Assert.Contains(AccountMail.InvalidLink, (await guest.PageAsync(first)).Html, StringComparison.Ordinal);
        var page = await guest.PageAsync(second);
        Assert.True(page.HasButton("Save new password"));

        archive.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Contains(AccountMail.InvalidLink, (await guest.PageAsync(second)).Html, StringComparison.Ordinal);
        using var late = await page.Form("Save new password").Set("NewPassword", "too late for this one").SubmitAsync();
        Assert.Contains(AccountMail.InvalidLink, await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync("slowreader", WebClient.Password)).StatusCode);
    }

    [Fact]
    public async Task A_new_address_takes_effect_only_when_it_confirms_and_the_old_one_is_told()
    {
        await ConfirmedUserAsync("mover");
        using var client = await archive.LoggedInAsync("mover");
        var account = await client.PageAsync("/account");
        var emailPage = await client.PageAsync(account.Links.Single(l => l.AbsolutePath == "/account/email").PathAndQuery);
        using var wrongPassword = await emailPage.Form("Change email").Set("NewEmail", "mover@new.example").Set("CurrentPassword", "not mine").SubmitAsync();
        Assert.Contains("not your current password", await wrongPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var asked = await emailPage.Form("Change email").Set("NewEmail", "mover@new.example").Set("CurrentPassword", WebClient.Password).SubmitAsync();
        Assert.Contains("Your address stays as it is", (await client.FollowAsync(asked)).Html, StringComparison.Ordinal);
        Assert.Equal("mover@example.org", await EmailOfAsync("mover"));

        var mail = await Smtp.WaitForAsync("mover@new.example");
        Assert.Equal("Confirm your new address on localhost", mail.Subject);
        var confirmPage = await archive.Guest().PageAsync(LoopbackSmtpServer.LinkIn(mail, "http://localhost/email/confirm?token="));
        Assert.Equal("mover@example.org", await EmailOfAsync("mover"));
        using var confirmed = await confirmPage.Form("Confirm address").SubmitAsync();
        Assert.Contains("Your address is changed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("mover@new.example", await EmailOfAsync("mover"));
        Assert.NotNull(await ConfirmedAtAsync("mover"));

        var notice = await Smtp.WaitForAsync("mover@example.org");
        Assert.Equal("Your address on localhost was changed", notice.Subject);
        Assert.Contains("mover@new.example", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_link_mailed_to_the_old_address_stops_working_once_the_address_changes()
    {
        // Someone reading the old mailbox (the reason to move, often) must not keep a key to the account.
        await ConfirmedUserAsync("escaper");
        await AskForResetAsync("escaper@example.org");
        var reset = LoopbackSmtpServer.LinkIn(await Smtp.WaitForAsync("escaper@example.org"), "http://localhost/password/reset?token=");

        using var client = await archive.LoggedInAsync("escaper");
        var account = await client.PageAsync("/account");
        var emailPage = await client.PageAsync(account.Links.Single(l => l.AbsolutePath == "/account/email").PathAndQuery);
        using (await emailPage.Form("Change email").Set("NewEmail", "escaper@new.example").Set("CurrentPassword", WebClient.Password).SubmitAsync())
        {
        }
        var confirmPage = await archive.Guest().PageAsync(
            LoopbackSmtpServer.LinkIn(await Smtp.WaitForAsync("escaper@new.example"), "http://localhost/email/confirm?token="));
        using (var confirmed = await confirmPage.Form("Confirm address").SubmitAsync())
        {
            Assert.Contains("Your address is changed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var guest = archive.Guest();
        Assert.Contains(AccountMail.InvalidLink, (await guest.PageAsync(reset)).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync("escaper", WebClient.Password)).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_ends_a_pending_change_of_address()
    {
        // Someone who had the password asked to move the account to their own address; the owner takes it back with
        // a reset, and the link in the other mailbox must not take it away again.
        await ConfirmedUserAsync("recovered");
        using (var thief = await archive.LoggedInAsync("recovered"))
        {
            var emailPage = await thief.PageAsync("/account/email");
            using (await emailPage.Form("Change email").Set("NewEmail", "thief@elsewhere.example").Set("CurrentPassword", WebClient.Password).SubmitAsync())
            {
            }
        }
        var change = LoopbackSmtpServer.LinkIn(await Smtp.WaitForAsync("thief@elsewhere.example"), "http://localhost/email/confirm?token=");

        await AskForResetAsync("recovered@example.org");
        var reset = LoopbackSmtpServer.LinkIn(await Smtp.WaitForAsync("recovered@example.org"), "http://localhost/password/reset?token=");
        using var owner = archive.Guest();
        using (await (await owner.PageAsync(reset)).Form("Save new password").Set("NewPassword", "my own account again").SubmitAsync())
        {
        }

        Assert.Contains(AccountMail.InvalidLink, (await archive.Guest().PageAsync(change)).Html, StringComparison.Ordinal);
        Assert.Equal("recovered@example.org", await EmailOfAsync("recovered"));
    }

    [Fact]
    public async Task Moving_to_an_address_another_account_has_changes_nothing_and_tells_that_address_only()
    {
        await ConfirmedUserAsync("squatter");
        await ConfirmedUserAsync("owner");
        using var client = await archive.LoggedInAsync("squatter");
        using var asked = await client.SubmitFormAsync("/account/email", "Change email",
            [new("NewEmail", "OWNER@example.org"), new("CurrentPassword", WebClient.Password)]);
        // The same answer as for a free address.
        Assert.Contains("Your address stays as it is", (await client.FollowAsync(asked)).Html, StringComparison.Ordinal);

        var note = await Smtp.WaitForAsync("owner@example.org");
        Assert.Contains("already belongs to another account", note.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/email/confirm", note.TextBody, StringComparison.Ordinal);
        Assert.Equal("squatter@example.org", await EmailOfAsync("squatter"));
    }

    [Fact]
    public async Task An_unconfirmed_address_can_have_its_link_sent_again()
    {
        await archive.CreateUserAsync("resender");
        using var client = await archive.LoggedInAsync("resender");
        using var sent = await client.SubmitFormAsync("/account/email", "Send the confirmation link again");
        Assert.Contains("A link to confirm", (await client.FollowAsync(sent)).Html, StringComparison.Ordinal);
        var mail = await Smtp.WaitForAsync("resender@example.org");
        using var confirmed = await (await client.PageAsync(LoopbackSmtpServer.LinkIn(mail, "http://localhost/email/confirm?token=")))
            .Form("Confirm address").SubmitAsync();
        Assert.NotNull(await ConfirmedAtAsync("resender"));
        Assert.False((await client.PageAsync("/account/email")).HasButton("Send the confirmation link again"));
    }

    [Fact]
    public async Task Inbox_mail_can_be_turned_off_and_on()
    {
        await ConfirmedUserAsync("quietreader");
        using var client = await archive.LoggedInAsync("quietreader");
        using (var off = await (await client.PageAsync("/account/email")).Form("Save mail settings").Uncheck("DigestsEnabled").SubmitAsync())
        {
            Assert.Contains("Your mail settings were saved", (await client.FollowAsync(off)).Html, StringComparison.Ordinal);
        }
        Assert.False(await DigestsOnAsync("quietreader"));
        using (var on = await (await client.PageAsync("/account/email")).Form("Save mail settings").Check("DigestsEnabled").SubmitAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        }
        Assert.True(await DigestsOnAsync("quietreader"));
    }

    [Fact]
    public async Task An_admin_resets_a_password_from_the_admin_page()
    {
        await archive.CreateUserAsync("lockedout");
        await archive.CreateUserAsync("keyholder", isAdmin: true);
        using var lockedOut = await archive.LoggedInAsync("lockedout");
        using var admin = await archive.LoggedInAsync("keyholder");

        using (var unknown = await admin.SubmitFormAsync("/admin", "Reset password", [new("resetUserName", "nobody-at-all")]))
        {
            Assert.Contains("There is no user called", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var reset = await admin.SubmitFormAsync("/admin", "Reset password", [new("resetUserName", "lockedout")]);
        var answer = new HtmlPage(admin, new Uri(admin.Http.BaseAddress!, "/admin"), await reset.Content.ReadAsStringAsync());
        var password = answer.Document.QuerySelector("code.app-password")!.TextContent;

        Assert.Null(Passwords.Validate(password));
        using (var ended = await lockedOut.Http.GetAsync(new Uri("/account", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync("lockedout", WebClient.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync("lockedout", password)).StatusCode);
        // Shown once: the admin page does not show it again.
        Assert.DoesNotContain(password, (await admin.PageAsync("/admin")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inbox_worker_runs_the_batch_mailer_which_mails_a_confirmed_reader_a_link_to_the_inbox()
    {
        await ConfirmedUserAsync("digestreader");
        await archive.CreateUserAsync("digestauthor");
        using var writer = await archive.LoggedInAsync("digestauthor");
        var workId = await writer.PostWorkAsync("Harbour Lights");
        await archive.WithDbAsync(async db =>
        {
            db.InboxItems.Add(new Makimono.Inbox.InboxItem
            {
                RecipientUserId = await db.Users.Where(u => u.UserName == "digestreader").Select(u => u.Id).SingleAsync(),
                Kind = Makimono.Inbox.InboxKind.NewChapter, WorkId = workId, SourceId = 1, CreatedAt = archive.Clock.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });

        // What the inbox worker does after each pass: every registered step, with the pass's context.
        await using (var scope = archive.Services.CreateAsyncScope())
        {
            var steps = scope.ServiceProvider.GetServices<Makimono.Inbox.IInboxWorkerStep>().ToList();
            Assert.Contains(steps, s => s is InboxDigestStep);
            foreach (var step in steps)
            {
                await step.RunAsync(scope.ServiceProvider.GetRequiredService<Makimono.Database.ArchiveDbContext>(), CancellationToken.None);
            }
        }

        var mail = await Smtp.WaitForAsync("digestreader@example.org");
        Assert.Contains("Harbour Lights", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("/inbox", LoopbackSmtpServer.LinkIn(mail, "http://localhost/inbox"));
    }

    private async Task<string> AskForResetAsync(string address)
    {
        using var guest = archive.Guest();
        var login = await guest.PageAsync("/login");
        var forgot = await guest.PageAsync(login.Links.Single(l => l.AbsolutePath == "/password/forgot").PathAndQuery);
        using var sent = await forgot.Form("Send me a link").Set("Email", address).SubmitAsync();
        var reply = await guest.FollowAsync(sent);
        return reply.Document.QuerySelector("main")?.TextContent ?? reply.Html;
    }

    private async Task<HttpResponseMessage> LogInAsync(string name, string password)
    {
        using var guest = archive.Guest();
        return await guest.SubmitFormAsync("/login", "Log in", [new("UserName", name), new("Password", password)]);
    }

    private async Task ConfirmedUserAsync(string name)
    {
        var user = await archive.CreateUserAsync(name);
        await archive.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmedAt, DateTime.UtcNow)));
    }

    private Task<DateTime?> ConfirmedAtAsync(string name) =>
        archive.WithDbAsync(db => db.Users.Where(u => u.UserName == name).Select(u => u.EmailConfirmedAt).SingleAsync());

    private Task<string?> EmailOfAsync(string name) =>
        archive.WithDbAsync(db => db.Users.Where(u => u.UserName == name).Select(u => u.Email).SingleAsync());

    private Task<bool> DigestsOnAsync(string name) =>
        archive.WithDbAsync(async db => await MailSettings.DigestsEnabledAsync(db, await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync()));
}
