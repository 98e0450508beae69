using Makimono.Accounts;
using Makimono.Database;
using Makimono.Import;
using Makimono.Web;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Works;

public class NewWorkModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public WorkForm Work { get; set; } = new() { WarningIds = [] };
    [BindProperty] public ChapterForm Chapter { get; set; } = new();
    [BindProperty] public bool AcceptRemovals { get; set; }
    public IReadOnlyList<Pseud> Pseuds { get; private set; } = [];
    public IReadOnlyList<string> RemovedHtml { get; private set; } = [];
    public ImportSuggestions? Suggestions { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadPseudsAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? submit, CancellationToken ct)
    {
        if (submit == "suggest")
        {
            // Nothing is saved: the form comes back as typed, with guesses for the author to copy in or ignore.
            Suggestions = await SuggestTags.ForPostingAsync(db, Work.Fandoms, Chapter.Body, ct);
            await LoadPseudsAsync(ct);
            return Page();
        }
        var (work, errors) = await SaveWork.CreateAsync(db, clock, this.UserId(), Work, Chapter, post: submit != "draft", AcceptRemovals, ct);
        if (work is null)
        {
            ModelState.AddErrors(errors);
            RemovedHtml = errors.RemovedHtml;
            await LoadPseudsAsync(ct);
            return Page();
        }
        return Redirect($"/works/{work.Id}");
    }

    private async Task LoadPseudsAsync(CancellationToken ct)
    {
        var userId = this.UserId();
        Pseuds = await PseudQueries.OfUserAsync(db, userId, ct);
    }
}
