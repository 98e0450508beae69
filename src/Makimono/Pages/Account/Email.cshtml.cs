using Makimono.Accounts;
using Makimono.Database;
using Makimono.Mail;
using Makimono.Web;
using Makimono.Web.PageModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Makimono.Pages.Account;

/// <summary>The account's address (confirming it, changing it) and whether the inbox is mailed.</summary>
[EnableRateLimiting(ArchiveWebApp.MailRateLimit)]
public class EmailModel(ArchiveDbContext db, TimeProvider clock, IOptions<MailOptions> mail, MailOutbox outbox) : PageModel
{
    public const string Path = "/account/email";

    [BindProperty] public string? NewEmail { get; set; }
    // Never echoed back into the form.
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public bool DigestsEnabled { get; set; }
    /// <summary>What the last form did: "confirmation", "change", "changed" or "settings".</summary>
    public string? Sent { get; private set; }
    public User Account { get; private set; } = null!;
    public bool SendsMail => mail.Value.IsConfigured;
    public string ChangeLinkLifetime => AccountMail.Describe(MailTokens.Lifetime(MailTokenPurpose.ChangeAddress));

    public async Task OnGetAsync(string? sent, CancellationToken ct)
    {
        Sent = sent;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostSendConfirmationAsync(CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == this.UserId(), ct);
        if (SendsMail && await AccountMail.SendConfirmationAsync(db, clock, mail.Value, outbox, user, ct))
        {
            return Redirect(Path + "?sent=confirmation");
        }
        return Redirect(Path);
    }

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken ct)
    {
        var user = await db.Users.FirstAsync(u => u.Id == this.UserId(), ct);
        if (string.IsNullOrEmpty(CurrentPassword) || !Passwords.Verify(user, CurrentPassword))
        {
            ModelState.AddModelError(nameof(CurrentPassword), "That is not your current password.");
        }
        if (MailAddresses.Validate(NewEmail) is { } problem)
        {
            ModelState.AddModelError(nameof(NewEmail), problem);
        }
        else if (user.NormalizedEmail == MailAddresses.Normalize(NewEmail!))
        {
            ModelState.AddModelError(nameof(NewEmail), "That is your address already.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        if (SendsMail)
        {
            await AccountMail.RequestChangeAsync(db, clock, mail.Value, outbox, user, NewEmail!, ct);
            return Redirect(Path + "?sent=change");
        }
        // Without mail nothing can confirm the new address: it is stored as it is, unconfirmed, as at sign-up.
        user.Email = NewEmail!.Trim();
        user.NormalizedEmail = MailAddresses.Normalize(NewEmail);
        user.EmailConfirmedAt = null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(nameof(NewEmail), "Another account has this email address.");
            await LoadAsync(ct);
            return Page();
        }
        return Redirect(Path + "?sent=changed");
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken ct)
    {
        await MailSettings.SetDigestsAsync(db, clock, this.UserId(), DigestsEnabled, ct);
        return Redirect(Path + "?sent=settings");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Account = await db.Users.AsNoTracking().FirstAsync(u => u.Id == this.UserId(), ct);
        DigestsEnabled = await MailSettings.DigestsEnabledAsync(db, Account.Id, ct);
    }
}
