using Makimono.Database;
using Makimono.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Makimono.Pages.Account;

/// <summary>
/// Where a reset link leads. Opening it changes nothing (mail scanners open links too); the password form does.
/// </summary>
public class ResetPasswordModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    // Never echoed back into the form.
    [BindProperty] public string? NewPassword { get; set; }
    public bool LinkWorks { get; private set; }
    public string? UserName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var link = await MailTokens.FindUsableAsync(db, clock, Token, [MailTokenPurpose.ResetPassword], ct);
        LinkWorks = link is not null;
        UserName = link?.User.UserName;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var problem = await AccountMail.ResetPasswordAsync(db, clock, Token, NewPassword, ct);
        if (problem is null)
        {
            return Redirect("/login?reset=true");
        }
        await OnGetAsync(ct);
        if (LinkWorks)
        {
            ModelState.AddModelError(nameof(NewPassword), problem);
        }
        return Page();
    }
}
