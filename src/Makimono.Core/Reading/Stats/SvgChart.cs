using System.Globalization;
using System.Xml.Linq;

namespace Makimono.Reading.Stats;

/// <summary>
/// A bar chart as inline SVG, drawn on the server so it needs no script: a value axis with round tick values and
/// grid lines, a time axis with dated labels, one bar per bucket (each with a tooltip), and a title and description
/// that name it for screen readers (role="img", aria-labelledby). Colours come from classes the stylesheet fills from
/// its variables, so the chart follows dark mode; the page also carries the figures as a table.
/// </summary>
public static class SvgChart
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const int Width = 640;
    private const int Height = 240;
    private const int Left = 52;
    private const int Right = 24;
    private const int Top = 12;
    private const int Bottom = 44;
    private const int MaxTimeLabels = 6;
    private const int ValueTicks = 4;

    /// <param name="id">Unique on the page; the title's and description's ids derive from it.</param>
    /// <param name="unit">What a bar counts, in the plural ("hits").</param>
    public static XElement Bars(string id, string title, string unit, StatsBucket bucket, IReadOnlyList<DateOnly> starts, IReadOnlyList<int> values)
    {
        var titleId = id + "-title";
        var descId = id + "-desc";
        var (max, step) = Scale(values.DefaultIfEmpty(0).Max());
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double Y(double value) => Top + plotHeight - (value / max * plotHeight);
        var slot = starts.Count == 0 ? plotWidth : (double)plotWidth / starts.Count;

        var grid = new XElement(Svg + "g", new XAttribute("class", "chart-grid"));
        for (var tick = 0; tick <= max; tick += step)
        {
            var y = Y(tick);
            grid.Add(new XElement(Svg + "line", Attr("x1", Left), Attr("x2", Width - Right), Attr("y1", y), Attr("y2", y)));
            grid.Add(new XElement(Svg + "text", new XAttribute("class", "chart-value-label"), Attr("x", Left - 6), Attr("y", y + 4),
                new XAttribute("text-anchor", "end"), tick.ToString("N0", CultureInfo.InvariantCulture)));
        }

        var bars = new XElement(Svg + "g", new XAttribute("class", "chart-bars"));
        for (var i = 0; i < starts.Count; i++)
        {
            var height = values[i] / (double)max * plotHeight;
            bars.Add(new XElement(Svg + "rect", new XAttribute("class", "chart-bar"),
                Attr("x", Left + (i * slot) + (slot * 0.1)), Attr("y", Top + plotHeight - height),
                Attr("width", Math.Max(slot * 0.8, 0.5)), Attr("height", height),
                new XElement(Svg + "title", $"{StatsBuckets.Label(starts[i], bucket)}: {values[i].ToString("N0", CultureInfo.InvariantCulture)} {unit}")));
        }

        var axis = new XElement(Svg + "g", new XAttribute("class", "chart-axis"),
            new XElement(Svg + "line", Attr("x1", Left), Attr("x2", Width - Right), Attr("y1", Top + plotHeight), Attr("y2", Top + plotHeight)));
        foreach (var i in TimeLabelIndexes(starts.Count))
        {
            var x = Left + (i * slot) + (slot / 2);
            axis.Add(new XElement(Svg + "line", Attr("x1", x), Attr("x2", x), Attr("y1", Top + plotHeight), Attr("y2", Top + plotHeight + 4)));
            axis.Add(new XElement(Svg + "text", new XAttribute("class", "chart-time-label"), Attr("x", x), Attr("y", Top + plotHeight + 18),
                new XAttribute("text-anchor", "middle"), StatsBuckets.TickLabel(starts[i], bucket)));
        }
        if (starts.Count > 0)
        {
            axis.Add(new XElement(Svg + "text", new XAttribute("class", "chart-axis-title"), Attr("x", Left + (plotWidth / 2.0)), Attr("y", Height - 6),
                new XAttribute("text-anchor", "middle"), AxisTitle(starts, bucket)));
        }

        return new XElement(Svg + "svg",
            new XAttribute("id", id), new XAttribute("class", "chart"), new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", titleId + " " + descId),
            new XAttribute("viewBox", $"0 0 {Width} {Height}"), Attr("width", Width), Attr("height", Height),
            // The title names a work, whose title may hold control characters XML cannot write (as feeds, drop them).
            new XElement(Svg + "title", new XAttribute("id", titleId), Feeds.Atom.Text(title)),
            new XElement(Svg + "desc", new XAttribute("id", descId), Describe(unit, bucket, starts, values)),
            grid, bars, axis);
    }

    /// <summary>"4 weeks from 2 Nov 2026 to 29 Nov 2026: 120 hits in all, most in the week of 16 Nov 2026 (52)."</summary>
    public static string Describe(string unit, StatsBucket bucket, IReadOnlyList<DateOnly> starts, IReadOnlyList<int> values)
    {
        if (starts.Count == 0)
        {
            return $"No {unit} yet.";
        }
        var total = values.Sum();
        var span = $"{starts.Count} {(starts.Count == 1 ? StatsBuckets.Plural(bucket).TrimEnd('s') : StatsBuckets.Plural(bucket))} " +
            $"from {StatsBuckets.Label(starts[0], bucket)} to {StatsBuckets.Label(starts[^1], bucket)}";
        if (total == 0)
        {
            return $"{span}: no {unit}.";
        }
        var peak = values.Select((v, i) => (v, i)).MaxBy(p => p.v).i;
        return $"{span}: {total.ToString("N0", CultureInfo.InvariantCulture)} {unit} in all, most in {StatsBuckets.Label(starts[peak], bucket)} " +
            $"({values[peak].ToString("N0", CultureInfo.InvariantCulture)}).";
    }

    private static string AxisTitle(IReadOnlyList<DateOnly> starts, StatsBucket bucket)
    {
        var first = starts[0].ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        var last = starts[^1].ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        return bucket switch
        {
            StatsBucket.Day => $"Days, {first} to {last}",
            StatsBucket.Week => $"Weeks starting on Monday, {first} to {last}",
            _ => $"Months, {starts[0].ToString("MMMM yyyy", CultureInfo.InvariantCulture)} to {starts[^1].ToString("MMMM yyyy", CultureInfo.InvariantCulture)}",
        };
    }

    /// <summary>The top of the value axis and its step: round numbers (1, 2 or 5 times a power of ten), at least 1.</summary>
    internal static (int Max, int Step) Scale(int highest)
    {
        var rough = Math.Max(highest, 1) / (double)ValueTicks;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = Math.Max(1, (int)(new[] { 1, 2, 5, 10 }.Select(m => m * power).First(s => s >= rough)));
        var max = (int)Math.Ceiling(Math.Max(highest, 1) / (double)step) * step;
        return (max, step);
    }

    /// <summary>At most <see cref="MaxTimeLabels"/> evenly spaced buckets, the first and the last among them.</summary>
    internal static IEnumerable<int> TimeLabelIndexes(int count)
    {
        if (count <= MaxTimeLabels)
        {
            return Enumerable.Range(0, count);
        }
        var every = (int)Math.Ceiling((count - 1) / (double)(MaxTimeLabels - 1));
        var indexes = Enumerable.Range(0, count).Where(i => i % every == 0).ToList();
        if (indexes[^1] != count - 1)
        {
            // The last label would crowd the one before it: move that one out of the way.
            if (count - 1 - indexes[^1] < every / 2)
            {
                indexes.RemoveAt(indexes.Count - 1);
            }
            indexes.Add(count - 1);
        }
        return indexes;
    }

    private static XAttribute Attr(string name, double value) =>
        new(name, Math.Round(value, 2).ToString(CultureInfo.InvariantCulture));
}
