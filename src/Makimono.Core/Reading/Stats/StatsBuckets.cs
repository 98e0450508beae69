using System.Globalization;

namespace Makimono.Reading.Stats;

/// <summary>What the statistics count; one chart each, and one column of <see cref="WorkDay"/> each.</summary>
public enum StatsMeasure
{
    Hits,
    Kudos,
    Comments,
    Bookmarks,
    Subscriptions,
}

/// <summary>How the daily figures are grouped for a chart: days as they are, or summed into weeks (Monday first) or months.</summary>
public enum StatsBucket
{
    Day,
    Week,
    Month,
}

/// <summary>A chart's time range, as a choice in the page's GET form.</summary>
public sealed record StatsPeriod(string Key, string Label, int? Days)
{
    public static readonly StatsPeriod Week = new("7d", "Last 7 days", 7);
    public static readonly StatsPeriod Month = new("30d", "Last 30 days", 30);
    public static readonly StatsPeriod Quarter = new("90d", "Last 90 days", 90);
    public static readonly StatsPeriod Year = new("365d", "Last 365 days", 365);
    public static readonly StatsPeriod All = new("all", "All time", null);

    public static readonly IReadOnlyList<StatsPeriod> Choices = [Week, Month, Quarter, Year, All];

    public static StatsPeriod? Parse(string? key) => Choices.FirstOrDefault(p => p.Key == key);
}

public static class StatsBuckets
{
    /// <summary>The first day of the bucket holding <paramref name="day"/>.</summary>
    public static DateOnly StartOf(DateOnly day, StatsBucket bucket) => bucket switch
    {
        StatsBucket.Day => day,
        StatsBucket.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        StatsBucket.Month => new DateOnly(day.Year, day.Month, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket)),
    };

    public static DateOnly Next(DateOnly start, StatsBucket bucket) => bucket switch
    {
        StatsBucket.Day => start.AddDays(1),
        StatsBucket.Week => start.AddDays(7),
        StatsBucket.Month => start.AddMonths(1),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket)),
    };

    /// <summary>Every bucket from the one holding <paramref name="from"/> to the one holding <paramref name="through"/>, empty ones included.</summary>
    public static List<DateOnly> Starts(DateOnly from, DateOnly through, StatsBucket bucket)
    {
        var starts = new List<DateOnly>();
        for (var start = StartOf(from, bucket); start <= through; start = Next(start, bucket))
        {
            starts.Add(start);
        }
        return starts;
    }

    /// <summary>Sums daily figures into their buckets; <paramref name="starts"/> come from <see cref="Starts"/>.</summary>
    public static int[] Sum(IEnumerable<(DateOnly Day, int Value)> days, IReadOnlyList<DateOnly> starts, StatsBucket bucket)
    {
        var index = starts.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        var sums = new int[starts.Count];
        foreach (var (day, value) in days)
        {
            if (index.TryGetValue(StartOf(day, bucket), out var i))
            {
                sums[i] += value;
            }
        }
        return sums;
    }

    /// <summary>The bucket's name in full, for the table and the bars' tooltips: "23 Nov 2026", "Week of 23 Nov 2026", "November 2026".</summary>
    public static string Label(DateOnly start, StatsBucket bucket) => bucket switch
    {
        StatsBucket.Day => start.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        StatsBucket.Week => "Week of " + start.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        _ => start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>The bucket's name on an axis, where room is short: "23 Nov", "Nov 2026".</summary>
    public static string TickLabel(DateOnly start, StatsBucket bucket) => bucket == StatsBucket.Month
        ? start.ToString("MMM yyyy", CultureInfo.InvariantCulture)
        : start.ToString("d MMM", CultureInfo.InvariantCulture);

    public static string Plural(StatsBucket bucket) => bucket switch
    {
        StatsBucket.Day => "days",
        StatsBucket.Week => "weeks",
        _ => "months",
    };

    public static string Name(StatsMeasure measure) => measure switch
    {
        StatsMeasure.Hits => "Hits",
        StatsMeasure.Kudos => "Kudos",
        StatsMeasure.Comments => "Comments",
        StatsMeasure.Bookmarks => "Bookmarks",
        _ => "Subscriptions",
    };

    public static int ValueOf(WorkDay day, StatsMeasure measure) => measure switch
    {
        StatsMeasure.Hits => day.Hits,
        StatsMeasure.Kudos => day.Kudos,
        StatsMeasure.Comments => day.Comments,
        StatsMeasure.Bookmarks => day.Bookmarks,
        _ => day.Subscriptions,
    };
}
