using Makimono.Accounts;
using Makimono.Database;
using Makimono.Mail;
using Makimono.Web;
using Makimono.Web.Auth;
using Makimono.Web.PageModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Makimono.Pages.Account;

[EnableRateLimiting(ArchiveWebApp.SignUpRateLimit)]
public class SignUpModel(ArchiveDbContext db, TimeProvider clock, IOptions<MailOptions> mail, MailOutbox outbox) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Email { get; set; }
    // Never echoed back into the form, even after an error.
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? InvitationCode { get; set; }
    public SignUpMode Mode { get; private set; }

    /// <summary>An address is needed only when the archive can mail it a confirmation link.</summary>
    public bool EmailRequired => mail.Value.IsConfigured;

    public async Task OnGetAsync(string? invitation, CancellationToken ct)
    {
        Mode = await SiteSettings.GetSignUpModeAsync(db, ct);
        InvitationCode = invitation;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Mode = await SiteSettings.GetSignUpModeAsync(db, ct);
        if (Mode == SignUpMode.Closed)
        {
            return Page();
        }
        Invitation? invitation = null;
        if (Mode == SignUpMode.InvitationOnly)
        {
            var code = InvitationCode?.Trim();
            invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Code == code && i.UsedAt == null, ct);
            if (invitation is null)
            {
                ModelState.AddModelError(nameof(InvitationCode), "That invitation code is not valid or has been used. Ask for a new one.");
                return Page();
            }
        }
        if (EmailRequired && string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address: the archive mails it a link to confirm it.");
            return Page();
        }
        var result = await CreateUser.RunAsync(db, clock, UserName ?? string.Empty, Email, Password ?? string.Empty, isAdmin: false, ct);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors);
            return Page();
        }
        if (invitation is not null)
        {
            invitation.UsedAt = clock.GetUtcNow().UtcDateTime;
            invitation.UsedByUserId = result.User!.Id;
            await db.SaveChangesAsync(ct);
        }
        await Session.SignInAsync(HttpContext, result.User!);
        // The account works at once; the link only confirms the address (see AccountMail for what waits on that).
        if (EmailRequired && await AccountMail.SendConfirmationAsync(db, clock, mail.Value, outbox, result.User!, ct))
        {
            return Redirect(EmailModel.Path + "?sent=confirmation");
        }
        return Redirect("/");
    }
}
