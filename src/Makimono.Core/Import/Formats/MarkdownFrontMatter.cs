using System.Globalization;
using Makimono.Import.Structure;
using TagName = Makimono.Tags.TagName;
using Tomlyn;
using Tomlyn.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Makimono.Import.Formats;

/// <summary>
/// The front matter static-site generators put before a Markdown story: YAML between "---" lines (Jekyll, Hugo,
/// Eleventy, Obsidian) or TOML between "+++" lines (Hugo, Zola), read with YamlDotNet and Tomlyn into the work's
/// fields (title, author or authors, summary or description, tags, fandom, rating, characters, relationships,
/// series, language). What no field takes (date, weight, layout, draft…) is set aside with the keys, so the
/// front matter never becomes the story's first paragraph.
/// </summary>
public sealed class MarkdownFrontMatter
{
    private readonly List<(string Key, List<string> Values)> entries;

    private MarkdownFrontMatter(List<(string Key, List<string> Values)> entries) => this.entries = entries;

    /// <summary>The front matter and the Markdown after it; no front matter when the file does not open with one.</summary>
    public static (MarkdownFrontMatter? FrontMatter, string Body) Split(string markdown)
    {
        var text = markdown.TrimStart('\uFEFF');
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var fence = lines[0].TrimEnd();
        if (fence is not ("---" or "+++"))
        {
            return (null, markdown);
        }
        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() == fence || (fence == "---" && l.TrimEnd() == "..."));
        if (end < 0)
        {
            return (null, markdown);
        }
        var source = string.Join('\n', lines[1..end]);
        var body = string.Join('\n', lines[(end + 1)..]);
        try
        {
            var entries = fence == "---" ? Yaml(source) : Toml(source);
            return entries is null ? (null, markdown) : (new MarkdownFrontMatter(entries), body);
        }
        catch (Exception e) when (e is YamlException or TomlException)
        {
            var kind = fence == "---" ? "YAML" : "TOML";
            throw new ImportException($"The {kind} front matter at the top of the file could not be read: {e.Message} Fix it, or remove the lines between the \"{fence}\" fences, and import again.");
        }
    }

    private static List<(string, List<string>)>? Yaml(string source)
    {
        var parsed = new DeserializerBuilder().Build().Deserialize<object?>(source);
        return parsed is IDictionary<object, object?> map
            ? Entries(map.Select(kv => (Convert.ToString(kv.Key, CultureInfo.InvariantCulture) ?? string.Empty, kv.Value)))
            : null;
    }

    private static List<(string, List<string>)> Toml(string source) =>
        Entries(TomlSerializer.Deserialize<TomlTable>(source)!.Select(kv => (kv.Key, (object?)kv.Value)));

    /// <summary>
    /// Each key with its values; a table's keys are read as if at the top ("[extra] authors", "[taxonomies] tags",
    /// "params: author"), since generators nest the story's own fields there, and the table's name is set aside.
    /// </summary>
    private static List<(string, List<string>)> Entries(IEnumerable<(string Key, object? Value)> pairs, ValueBudget? budget = null)
    {
        budget ??= new ValueBudget();
        var entries = new List<(string, List<string>)>();
        foreach (var (key, value) in pairs)
        {
            budget.Take();
            switch (value)
            {
                case TomlTable table:
                    entries.Add((key, []));
                    entries.AddRange(Entries(table.Select(kv => (kv.Key, (object?)kv.Value)), budget));
                    break;
                case IDictionary<object, object?> map:
                    entries.Add((key, []));
                    entries.AddRange(Entries(map.Select(kv => (Convert.ToString(kv.Key, CultureInfo.InvariantCulture) ?? string.Empty, kv.Value)), budget));
                    break;
                default:
                    entries.Add((key, Values(value, budget)));
                    break;
            }
        }
        return entries;
    }

    /// <summary>
    /// How many values front matter may hold in all. YAML aliases let a few lines stand for billions of values
    /// ("billion laughs"), so the values are counted as they are read out, and reading stops at this many.
    /// </summary>
    public const int MaxValues = 10_000;

    /// <summary>Counts the values read out of one front matter, and refuses the one past <see cref="MaxValues"/>.</summary>
    private sealed class ValueBudget
    {
        private int _left = MaxValues;

        public void Take()
        {
            if (--_left < 0)
            {
                throw new ImportException(
                    $"The front matter at the top of the file holds more than {MaxValues:N0} values (YAML aliases repeat lists within lists). " +
                    "Remove the anchors (&name) and aliases (*name), and import again.");
            }
        }
    }

    /// <summary>A value as text: a list's items one by one, a table's values, a date as written in ISO form.</summary>
    private static List<string> Values(object? value, ValueBudget budget)
    {
        var values = new List<string>();
        AddValues(value, budget, values);
        return values;
    }

    private static void AddValues(object? value, ValueBudget budget, List<string> values)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                budget.Take();
                values.Add(s);
                return;
            case TomlTable table:
                foreach (var kv in table)
                {
                    AddValues(kv.Value, budget, values);
                }
                return;
            case IDictionary<object, object?> map:
                foreach (var item in map.Values)
                {
                    AddValues(item, budget, values);
                }
                return;
            case System.Collections.IEnumerable list:
                foreach (var item in list)
                {
                    budget.Take();
                    AddValues(item, budget, values);
                }
                return;
            case IFormattable f:
                budget.Take();
                values.Add(f.ToString(null, CultureInfo.InvariantCulture));
                return;
            default:
                budget.Take();
                values.Add(value.ToString() ?? string.Empty);
                return;
        }
    }

    public void Apply(ImportedWork work)
    {
        foreach (var (key, values) in entries)
        {
            work.Markers.Add(key);
            var text = string.Join(", ", values).Trim();
            switch (key.ToLowerInvariant())
            {
                case "title":
                    if (work.Title is not null)
                    {
                        // The body's own title line, under the front matter's, repeats it or gives way to it.
                        work.Markers.Add(work.Title);
                    }
                    work.Title = text;
                    break;
                case "author" or "authors" or "creator" or "creators" or "by":
                    AddAll(work.Creators, values.SelectMany(TagName.SplitList));
                    break;
                case "summary" or "description" or "excerpt" or "abstract":
                    work.Summary = work.Summary is null ? text : FrontMatter.Join(text, work.Summary);
                    break;
                case "tags" or "keywords" or "freeforms" or "additional_tags" or "genre" or "genres":
                    // Read into tags, which are not text: set aside like a text file's "Fandom:" line.
                    work.Markers.AddRange(values);
                    AddAll(work.Freeforms, values.SelectMany(TagName.SplitList));
                    break;
                case "fandom" or "fandoms":
                    // Read into tags, which are not text: set aside like a text file's "Fandom:" line.
                    work.Markers.AddRange(values);
                    AddAll(work.Fandoms, values.SelectMany(TagName.SplitList));
                    break;
                case "characters" or "character":
                    // Read into tags, which are not text: set aside like a text file's "Fandom:" line.
                    work.Markers.AddRange(values);
                    AddAll(work.Characters, values.SelectMany(TagName.SplitList));
                    break;
                case "relationships" or "relationship" or "pairings" or "pairing" or "ships":
                    // Read into tags, which are not text: set aside like a text file's "Fandom:" line.
                    work.Markers.AddRange(values);
                    AddAll(work.Relationships, values.SelectMany(TagName.SplitList));
                    break;
                case "series":
                    // Read into tags, which are not text: set aside like a text file's "Fandom:" line.
                    work.Markers.AddRange(values);
                    AddAll(work.Series, values);
                    break;
                case "rating":
                    work.Rating = StructureRules.RatingName(text) ?? work.Rating;
                    work.Markers.Add(text);
                    break;
                case "language" or "lang":
                    work.Markers.Add(text);
                    work.Language = text.Length is > 0 and <= 12 && !text.Contains(' ', StringComparison.Ordinal) ? text : Ao3HtmlImport.LanguageCode(text);
                    break;
                case "notes" or "note":
                    work.Notes = work.Notes is null ? text : FrontMatter.Join(text, work.Notes);
                    break;
                default:
                    // date, weight, draft, layout, slug…: how the site files the page, not the story's.
                    work.Markers.AddRange(values);
                    break;
            }
        }
    }

    private static void AddAll(List<string> list, IEnumerable<string> values)
    {
        foreach (var value in values.Select(v => v.Trim()).Where(v => v.Length > 0))
        {
            if (!list.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(value);
            }
        }
    }
}
