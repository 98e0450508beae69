using System.Globalization;
using Makimono.Search;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Makimono.Web.WorkListings;

/// <summary>
/// A listing's filter state as plain GET parameters, so every state is a URL to bookmark or share and the sidebar needs
/// no script. Tags are ids (<c>inc</c>, <c>exc</c>, from checkboxes) or typed names (<c>inc_names</c>,
/// <c>exc_names</c>, comma-separated), which the page resolves.
/// </summary>
public sealed class WorkFilterForm
{
    public string? Text { get; set; }
    public List<int> Include { get; } = [];
    public List<int> Exclude { get; } = [];
    public string? IncludeNames { get; set; }
    public string? ExcludeNames { get; set; }
    public CrossoverFilter Crossovers { get; set; }
    public CompletionFilter Completion { get; set; }
    public bool SingleChapterOnly { get; set; }
    public string? Language { get; set; }
    public Dictionary<string, string?> Ranges { get; } = [];
    public WorkSort Sort { get; set; } = WorkSort.DateUpdated;
    public bool Ascending { get; set; }
    public int Page { get; set; } = 1;
    /// <summary>The search-after cursor the previous page's Next link carries; it wins over the page's offset.</summary>
    public string? After { get; set; }
    /// <summary>Show the works the viewer's muting and blocklist take out, each saying why.</summary>
    public bool ShowHidden { get; set; }
    /// <summary>
    /// A page's own filters beside the works' (a bookmarks page's "recs only"), by parameter name: the page reads them
    /// and narrows its scope; the listing keeps them in every link it makes.
    /// </summary>
    public Dictionary<string, string?> PageFilters { get; } = [];
    /// <summary>Parameters that could not be read, each with what was wrong; the rest still apply.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Whether a search or a filter narrows the listing, so that no works means none match, not none posted.</summary>
    public bool Narrows =>
        Text is not null || Include.Count > 0 || Exclude.Count > 0 || IncludeNames is not null || ExcludeNames is not null
        || Crossovers != default || Completion != default || SingleChapterOnly || Language is not null
        || Ranges.Values.Any(v => !string.IsNullOrWhiteSpace(v)) || PageFilters.Values.Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>The numeric ranges, by parameter stem: <c>words_min</c>, <c>words_max</c> and so on.</summary>
    public static readonly IReadOnlyList<(string Stem, string Label)> NumberRanges =
        [("words", "Words"), ("kudos", "Kudos"), ("hits", "Hits"), ("comments", "Comments"), ("bookmarks", "Bookmarks")];

    public static readonly IReadOnlyList<(string Stem, string Label)> DateRanges = [("posted", "Date posted"), ("updated", "Date updated")];

    public static readonly IReadOnlyList<(WorkSort Sort, string Value, string Label)> Sorts =
    [
        (WorkSort.BestMatch, "best", "Best match"), (WorkSort.Creator, "creator", "Creator"), (WorkSort.Title, "title", "Title"),
        (WorkSort.DatePosted, "posted", "Date posted"), (WorkSort.DateUpdated, "updated", "Date updated"),
        (WorkSort.Words, "words", "Word count"), (WorkSort.Hits, "hits", "Hits"), (WorkSort.Kudos, "kudos", "Kudos"),
        (WorkSort.Comments, "comments", "Comments"), (WorkSort.Bookmarks, "bookmarks", "Bookmarks"),
    ];

    public static WorkFilterForm Parse(IQueryCollection query, IReadOnlyList<string>? pageFilters = null)
    {
        var form = new WorkFilterForm
        {
            Text = Blank(query["q"]),
            IncludeNames = Blank(query["inc_names"]),
            ExcludeNames = Blank(query["exc_names"]),
            Language = Blank(query["lang"]),
            SingleChapterOnly = query["single"] == "1",
            Ascending = query["dir"] == "asc",
            ShowHidden = query["show_hidden"] == "1",
            After = Blank(query["after"]),
        };
        foreach (var name in pageFilters ?? [])
        {
            form.PageFilters[name] = Blank(query[name]);
        }
        form.Include.AddRange(Ids(query["inc"], "inc", form.Problems));
        form.Exclude.AddRange(Ids(query["exc"], "exc", form.Problems));
        form.Completion = Blank(query["complete"]) switch
        {
            null => CompletionFilter.Any,
            "1" => CompletionFilter.Complete,
            "0" => CompletionFilter.InProgress,
            var other => Problem(form, $"Complete \"{other}\" is not 1 (complete works only) or 0 (works in progress only).", CompletionFilter.Any),
        };
        form.Crossovers = query["crossover"].ToString() switch
        {
            "" or "include" => CrossoverFilter.Include,
            "exclude" => CrossoverFilter.Exclude,
            "only" => CrossoverFilter.Only,
            var other => Problem(form, $"Crossovers \"{other}\" is not one of include, exclude, only.", CrossoverFilter.Include),
        };
        if (Blank(query["sort"]) is { } sort)
        {
            var found = Sorts.FirstOrDefault(s => s.Value == sort);
            form.Sort = found.Value is null ? Problem(form, $"Sort \"{sort}\" is not one of {string.Join(", ", Sorts.Select(s => s.Value))}.", WorkSort.DateUpdated) : found.Sort;
        }
        foreach (var (stem, _) in NumberRanges.Concat(DateRanges))
        {
            form.Ranges[stem + "_min"] = Blank(query[stem + "_min"]);
            form.Ranges[stem + "_max"] = Blank(query[stem + "_max"]);
        }
        if (Blank(query["page"]) is { } page)
        {
            form.Page = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1
                ? number : Problem(form, $"Page \"{page}\" is not a page number.", 1);
        }
        return form;
    }

    /// <summary>The query, with tag ids already resolved from names (<paramref name="includeIds"/>, <paramref name="excludeIds"/>).</summary>
    public WorkQuery ToQuery(WorkQuery scope, IEnumerable<int> includeIds, IEnumerable<int> excludeIds) => scope with
    {
        Text = Text,
        IncludeTagIds = scope.IncludeTagIds.Concat(includeIds).Distinct().ToList(),
        ExcludeTagIds = excludeIds.Distinct().ToList(),
        Crossovers = Crossovers,
        Completion = Completion,
        SingleChapterOnly = SingleChapterOnly,
        // Typed by name (as works show it) or by code; a language no one knows matches nothing, as a code would.
        Language = Language is null ? null : Works.Languages.CodeOf(Language) ?? Language,
        Words = IntRange("words"),
        Kudos = IntRange("kudos"),
        Hits = IntRange("hits"),
        Comments = IntRange("comments"),
        Bookmarks = IntRange("bookmarks"),
        Posted = DateRange("posted"),
        Updated = DateRange("updated"),
        Sort = Sort,
        Descending = !Ascending,
        Page = Page,
        After = After,
    };

    private Range<int> IntRange(string stem) => new(Int(stem + "_min"), Int(stem + "_max"));

    private Range<DateOnly> DateRange(string stem) => new(Date(stem + "_min"), Date(stem + "_max"));

    private int? Int(string name)
    {
        if (Ranges.GetValueOrDefault(name) is not { } text)
        {
            return null;
        }
        if (int.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        Problems.Add($"\"{text}\" in {name} is not a whole number; that bound is left out.");
        return null;
    }

    private DateOnly? Date(string name)
    {
        if (Ranges.GetValueOrDefault(name) is not { } text)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }
        Problems.Add($"\"{text}\" in {name} is not a date like 2026-12-01; that bound is left out.");
        return null;
    }

    /// <summary>The <c>complete</c> parameter of each choice: 1 complete only, 0 in progress only, absent for any.</summary>
    public static string? CompletionValue(CompletionFilter completion) => completion switch
    {
        CompletionFilter.Complete => "1",
        CompletionFilter.InProgress => "0",
        _ => null,
    };

    public static readonly IReadOnlyList<(CompletionFilter Completion, string Label)> Completions =
        [(CompletionFilter.Any, "Complete or in progress"), (CompletionFilter.Complete, "Complete works only"), (CompletionFilter.InProgress, "Works in progress only")];

    public string SortValue => Sorts.First(s => s.Sort == Sort).Value;

    /// <summary>This state as a query string (without "?"), with <paramref name="change"/> applied; page 1 is left out.</summary>
    public string ToQueryString(Action<Dictionary<string, List<string>>>? change = null)
    {
        var values = new Dictionary<string, List<string>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                (values.TryGetValue(key, out var list) ? list : values[key] = []).Add(value);
            }
        }
        Add("q", Text);
        Include.ForEach(id => Add("inc", id.ToString(CultureInfo.InvariantCulture)));
        Add("inc_names", IncludeNames);
        Exclude.ForEach(id => Add("exc", id.ToString(CultureInfo.InvariantCulture)));
        Add("exc_names", ExcludeNames);
        Add("crossover", Crossovers == CrossoverFilter.Include ? null : Crossovers.ToString().ToLowerInvariant());
        Add("complete", CompletionValue(Completion));
        Add("single", SingleChapterOnly ? "1" : null);
        Add("lang", Language);
        foreach (var (key, value) in Ranges)
        {
            Add(key, value);
        }
        Add("sort", Sort == WorkSort.DateUpdated ? null : SortValue);
        Add("dir", Ascending ? "asc" : null);
        Add("page", Page > 1 ? Page.ToString(CultureInfo.InvariantCulture) : null);
        Add("after", After);
        Add("show_hidden", ShowHidden ? "1" : null);
        foreach (var (key, value) in PageFilters)
        {
            Add(key, value);
        }
        change?.Invoke(values);
        return QueryString.Create(values.Where(v => v.Value.Count > 0)
            .SelectMany(v => v.Value.Select(x => new KeyValuePair<string, string?>(v.Key, x)))).ToString().TrimStart('?');
    }

    private static string? Blank(StringValues value) => string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString().Trim();

    private static IEnumerable<int> Ids(StringValues values, string name, List<string> problems)
    {
        foreach (var value in values)
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                yield return id;
            }
            else
            {
                problems.Add($"\"{value}\" in {name} is not a tag id; it is left out.");
            }
        }
    }

    private static T Problem<T>(WorkFilterForm form, string message, T fallback)
    {
        form.Problems.Add(message);
        return fallback;
    }
}
