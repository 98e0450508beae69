using Makimono.Accounts;
using Makimono.Database;
using Makimono.Reading.Stats;
using Makimono.Web.PageModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Pages.Stats;

/// <summary>
/// An author's statistics (/users/NAME/stats), for the author and admins: each work's figures in a table sorted by any
/// column, and a chart per measure over a period, by day, week or month, for all works or one. Every choice is a GET
/// link or a GET form, so the page works without script.
/// </summary>
public class AuthorModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<string> Columns = ["title", "hits", "kudos", "comments", "bookmarks", "subscriptions"];

    public User Author { get; private set; } = null!;
    public IReadOnlyList<WorkTotals> Works { get; private set; } = [];
    public WorkTotals Total { get; private set; } = null!;
    public StatsSeries Series { get; private set; } = null!;
    public StatsPeriod Period { get; private set; } = StatsPeriod.Month;
    public StatsBucket Bucket { get; private set; } = StatsBucket.Day;
    public int? WorkId { get; private set; }
    public string Sort { get; private set; } = "hits";
    public bool Descending { get; private set; } = true;
    /// <summary>Choices in the address that could not be read, each with what was shown instead.</summary>
    public List<string> Notes { get; } = [];

    public async Task<IActionResult> OnGetAsync(string? name, string? period, string? bucket, string? work, string? sort, string? dir, CancellationToken ct)
    {
        var normalized = AccountNames.Normalize(name ?? "");
        var author = string.IsNullOrWhiteSpace(name) ? null : await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (author is null)
        {
            return NotFound();
        }
        var viewer = this.Viewer();
        if (!viewer.IsLoggedIn)
        {
            return Challenge();
        }
        if (!AuthorStats.MayView(viewer, author.Id))
        {
            return this.Forbidden($"Only {author.UserName} and admins can see {author.UserName}'s statistics.");
        }
        Author = author;
        var works = await AuthorStats.TotalsAsync(db, author.Id, viewer, ct);
        ReadChoices(period, bucket, work, sort, dir, works);
        Works = Sorted(works);
        Total = new WorkTotals(0, "Total", false, works.Sum(w => w.Hits), works.Sum(w => w.Kudos), works.Sum(w => w.Comments),
            works.Sum(w => w.Bookmarks), works.Sum(w => w.Subscriptions));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Series = await AuthorStats.SeriesAsync(db, author.Id, viewer, WorkId, Period, Bucket, today, ct);
        return Page();
    }

    private void ReadChoices(string? period, string? bucket, string? work, string? sort, string? dir, List<WorkTotals> works)
    {
        if (period is not null)
        {
            Period = StatsPeriod.Parse(period) ?? Period;
            Note(StatsPeriod.Parse(period) is null, $"There is no period \"{period}\"; showing the {Period.Label.ToLowerInvariant()}.");
        }
        if (bucket is not null)
        {
            var known = Enum.TryParse<StatsBucket>(bucket, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(bucket, out _);
            Bucket = known ? parsed : Bucket;
            Note(!known, $"\"{bucket}\" is not day, week or month; showing {StatsBuckets.Plural(Bucket)}.");
        }
        if (!string.IsNullOrEmpty(work))
        {
            var known = int.TryParse(work, out var id) && works.Any(w => w.WorkId == id);
            WorkId = known ? id : null;
            Note(!known, $"{Author.UserName} has no work \"{work}\"; showing all works.");
        }
        if (sort is not null)
        {
            var known = Columns.Contains(sort);
            Sort = known ? sort : Sort;
            Note(!known, $"The table cannot be sorted by \"{sort}\"; it is sorted by hits.");
        }
        Descending = dir is null ? Sort != "title" : dir != "asc";
    }

    private void Note(bool problem, string note)
    {
        if (problem)
        {
            Notes.Add(note);
        }
    }

    private List<WorkTotals> Sorted(List<WorkTotals> works)
    {
        Func<WorkTotals, IComparable> key = Sort switch
        {
            "title" => w => w.Title.ToUpperInvariant(),
            "kudos" => w => w.Kudos,
            "comments" => w => w.Comments,
            "bookmarks" => w => w.Bookmarks,
            "subscriptions" => w => w.Subscriptions,
            _ => w => w.Hits,
        };
        var ordered = Descending ? works.OrderByDescending(key) : works.OrderBy(key);
        return ordered.ThenBy(w => w.Title, StringComparer.OrdinalIgnoreCase).ThenBy(w => w.WorkId).ToList();
    }

    /// <summary>The address of this page sorted by <paramref name="column"/>: the other way round when it is already sorted by it.</summary>
    public string SortUrl(string column)
    {
        var descending = column == Sort ? !Descending : column != "title";
        return AddressSortedBy(column, descending ? "desc" : "asc");
    }

    private string AddressSortedBy(string sort, string dir)
    {
        var query = new List<string> { $"period={Period.Key}", $"bucket={Bucket.ToString().ToLowerInvariant()}" };
        if (WorkId is int id)
        {
            query.Add($"work={id}");
        }
        query.Add($"sort={sort}");
        query.Add($"dir={dir}");
        return $"/users/{Uri.EscapeDataString(Author.UserName)}/stats?{string.Join("&", query)}";
    }

    /// <summary>aria-sort for a column's header: only the column the table is sorted by has one.</summary>
    public string? AriaSort(string column) => column == Sort ? (Descending ? "descending" : "ascending") : null;

    public string? WorkTitle => WorkId is int id ? Works.First(w => w.WorkId == id).Title : null;
}
