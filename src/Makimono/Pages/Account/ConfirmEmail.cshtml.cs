using Makimono.Database;
using Makimono.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Makimono.Pages.Account;

/// <summary>
/// Where a confirmation or change-of-address link leads. Opening it changes nothing (mail scanners open links
/// too); the button does. It works without logging in: the link is the proof.
/// </summary>
public class ConfirmEmailModel(ArchiveDbContext db, TimeProvider clock, IOptions<MailOptions> mail, MailOutbox outbox) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public MailToken? Link { get; private set; }
    public AddressLinkOutcome? Outcome { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Link = await MailTokens.FindUsableAsync(db, clock, Token, AccountMail.AddressPurposes, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Outcome = await AccountMail.FollowAddressLinkAsync(db, clock, mail.Value, outbox, Token, ct);
        return Page();
    }
}
