using Makimono.Database;
using Makimono.Mail;
using Makimono.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Makimono.Pages.Account;

[EnableRateLimiting(ArchiveWebApp.MailRateLimit)]
public class ForgotPasswordModel(ArchiveDbContext db, TimeProvider clock, IOptions<MailOptions> mail, MailOutbox outbox) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }
    public bool SendsMail => mail.Value.IsConfigured;
    public string LinkLifetime => AccountMail.Describe(MailTokens.Lifetime(MailTokenPurpose.ResetPassword));

    public void OnGet(bool sent) => Sent = sent;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!SendsMail)
        {
            return Page();
        }
        if (MailAddresses.Validate(Email) is { } problem)
        {
            ModelState.AddModelError(nameof(Email), problem);
            return Page();
        }
        await AccountMail.RequestPasswordResetAsync(db, clock, mail.Value, outbox, Email!, ct);
        // The same answer whether or not an account has the address.
        return Redirect("/password/forgot?sent=true");
    }
}
