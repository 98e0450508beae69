using System.Xml.Linq;
using Makimono.Reading.Stats;

namespace Makimono.Tests.Reading;

/// <summary>
/// A chart's title holds a work's title, which may carry control characters (a pasted title; the feeds drop them for
/// the same reason): XML cannot write them, and the author's stats page for that work failed with a server error.
/// </summary>
public sealed class StatsChartTitleTests
{
    [Fact]
    public void A_work_title_with_control_characters_still_makes_a_chart()
    {
        var starts = StatsBuckets.Starts(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 30), StatsBucket.Week);
        var chart = SvgChart.Bars("chart-hits", "Hits per week, “Bell\u0007 and\u0001 Book”", "hits", StatsBucket.Week, starts, [0, 7, 52, 13, 3]);

        var markup = chart.ToString(SaveOptions.DisableFormatting);

        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("Hits per week, “Bell and Book”", XElement.Parse(markup).Element(ns + "title")!.Value);
    }
}
