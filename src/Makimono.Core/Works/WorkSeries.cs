using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Works;

/// <summary>Adds a work to series of its creator's, by title, creating series that do not exist yet.</summary>
internal static class WorkSeries
{
    public static async Task<List<Series>> ResolveAsync(ArchiveDbContext db, int userId, string? titles, FormErrors errors, DateTime now, CancellationToken ct)
    {
        var result = new List<Series>();
        var listed = Tags.TagName.SplitList(titles);
        // Counted before any series is looked up, one query each.
        if (listed.Count > Limits.SeriesPerWorkMax)
        {
            errors.Add("Work.SeriesTitles", $"A work can be in at most {Limits.SeriesPerWorkMax} series; this lists {listed.Count:N0}.");
            return result;
        }
        foreach (var title in listed)
        {
            if (title.Length > Limits.TitleMax)
            {
                errors.Add("Work.SeriesTitles", $"Series titles are at most {Limits.TitleMax} characters.");
                continue;
            }
            if (Text.PlainLine.Refuses(title))
            {
                errors.Add("Work.SeriesTitles", Text.PlainLine.Message("series titles"));
                continue;
            }
            var series = await db.Series.Include(s => s.Works)
                .FirstOrDefaultAsync(s => s.OwnerUserId == userId && s.Title == title, ct)
                ?? new Series { Title = title, OwnerUserId = userId, CreatedAt = now };
            result.Add(series);
        }
        return result;
    }

    public static void Apply(Work work, List<Series> series, DateTime now)
    {
        work.Series.RemoveAll(sw => !series.Contains(sw.Series));
        foreach (var s in series.Where(s => work.Series.All(sw => sw.Series != s)))
        {
            var position = s.Works.Count == 0 ? 1 : s.Works.Max(w => w.Position) + 1;
            var link = new SeriesWork { Series = s, Work = work, Position = position, AddedAt = now };
            work.Series.Add(link);
        }
    }
}
