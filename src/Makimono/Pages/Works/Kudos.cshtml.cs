using Makimono.Database;
using Makimono.Responses.Kudos;
using Makimono.Web.PageModels;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Makimono.Pages.Works;

/// <summary>
/// Leaving kudos (POST, from the work page's button) and everyone who left kudos on a work (GET, the "more" link).
/// Without JavaScript the POST redirects back to the chapter it came from with a message; the script posts with
/// fetch and gets the kudos section alone, to put in place.
/// </summary>
public class KudosModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    public const string MessageKey = "KudosMessage";
    public const int NamesPerPage = 500;

    public Work Work { get; private set; } = null!;
    public IReadOnlyList<string> UserNames { get; private set; } = [];
    public KudosSummary Summary { get; private set; } = null!;
    public int PageNumber { get; private set; }
    public bool HasNext { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken ct = default)
    {
        var work = await WorkQueries.FindVisibleAsync(db, id, this.Viewer(), ct);
        if (work is null)
        {
            return await this.WorkNotVisibleAsync(db, id, ct);
        }
        Work = work;
        PageNumber = Math.Clamp(pageNumber, 1, int.MaxValue / NamesPerPage);
        var names = await KudosList.UserNamesAsync(db, id, (PageNumber - 1) * NamesPerPage, NamesPerPage + 1, ct);
        HasNext = names.Count > NamesPerPage;
        UserNames = names.Take(NamesPerPage).ToList();
        Summary = await KudosList.ForWorkAsync(db, id, namesShown: 0, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? returnTo, CancellationToken ct)
    {
        var viewer = this.Viewer();
        var result = await LeaveKudos.RunAsync(db, clock, id, viewer, HttpContext.Connection.RemoteIpAddress, ct);
        var message = result switch
        {
            KudosResult.Left => "Thank you for leaving kudos!",
            KudosResult.AlreadyLeft => "You have already left kudos here. :)",
            KudosResult.OwnWork => "You can't leave kudos on your own work.",
            KudosResult.GuestAddressUnknown => "Please log in to leave kudos.",
            KudosResult.Blocked => "Sorry, you can't leave kudos here: one of this work's creators has blocked you.",
            _ => null,
        };
        if (message is null)
        {
            return result == KudosResult.LogInFirst ? Challenge() : NotFound();
        }
        if (Request.Headers.XRequestedWith == "fetch")
        {
            var work = await WorkQueries.FindVisibleAsync(db, id, viewer, ct);
            if (work is null)
            {
                return NotFound();
            }
            // The page's view data, message included, with the work as the partial's model.
            ViewData[MessageKey] = message;
            return new PartialViewResult { ViewName = "_Kudos", ViewData = new ViewDataDictionary<Work>(ViewData, work) };
        }
        TempData[MessageKey] = message;
        return Redirect(BackTo(id, returnTo) + "#kudos");
    }

    /// <summary>The page of the work the form was on (a chapter, the whole work), and never anywhere else.</summary>
    private string BackTo(int id, string? returnTo)
    {
        var work = $"/works/{id}";
        return returnTo is not null && Url.IsLocalUrl(returnTo) && !returnTo.Contains('#', StringComparison.Ordinal)
            && (returnTo == work || returnTo.StartsWith(work + "/", StringComparison.Ordinal) || returnTo.StartsWith(work + "?", StringComparison.Ordinal))
            ? returnTo : work;
    }
}
