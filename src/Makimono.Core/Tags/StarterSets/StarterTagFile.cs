using System.Text;
using System.Text.Json;

namespace Makimono.Tags.StarterSets;

/// <summary>
/// Reads a starter tag set, as JSON or CSV (the format is described in README). Lists inside a CSV field are
/// comma-separated, which is unambiguous because tag names cannot contain commas.
/// </summary>
public static class StarterTagFile
{
    public static (List<StarterTag> Tags, List<string> Errors) Parse(string fileName, string text) =>
        fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ParseJson(text) : ParseCsv(text);

    private sealed record JsonTag(string? Type, string? Name, List<string>? Synonyms, List<string>? Parents, string? Media);

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static (List<StarterTag>, List<string>) ParseJson(string text)
    {
        var tags = new List<StarterTag>();
        var errors = new List<string>();
        List<JsonTag>? items;
        try
        {
            items = JsonSerializer.Deserialize<List<JsonTag>>(text, JsonOptions);
        }
        catch (JsonException e)
        {
            return (tags, [$"The file is not a JSON array of tags: {e.Message}"]);
        }
        foreach (var (item, i) in (items ?? []).Select((t, i) => (t, i + 1)))
        {
            Add(tags, errors, $"tag {i}", i, item.Type, item.Name, item.Synonyms ?? [], item.Parents ?? [], item.Media);
        }
        return (tags, errors);
    }

    private static (List<StarterTag>, List<string>) ParseCsv(string text)
    {
        var tags = new List<StarterTag>();
        var errors = new List<string>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var header = Fields(lines[0]).Select(f => f.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name);
        if (Column("type") < 0 || Column("name") < 0)
        {
            return (tags, ["Line 1: the header must name the columns type and name (and optionally synonyms, parents and media)."]);
        }
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }
            var fields = Fields(lines[i]);
            string? Get(string name) => Column(name) is var c && c >= 0 && c < fields.Count ? fields[c] : null;
            Add(tags, errors, $"Line {i + 1}", i + 1, Get("type"), Get("name"), TagName.SplitList(Get("synonyms")), TagName.SplitList(Get("parents")), Get("media"));
        }
        return (tags, errors);
    }

    private static void Add(List<StarterTag> tags, List<string> errors, string where, int line,
        string? typeText, string? name, IReadOnlyList<string> synonyms, IReadOnlyList<string> parents, string? mediaText)
    {
        if (!TagTypeNames.TryParseKey(typeText, out var type))
        {
            errors.Add($"{where}: the type \"{typeText}\" is not one of fandom, relationship, character, freeform.");
            return;
        }
        var problems = new[] { name ?? "" }.Concat(synonyms).Concat(parents)
            .Select(TagName.Validate).OfType<string>().ToList();
        if (problems.Count > 0)
        {
            errors.AddRange(problems.Select(p => $"{where}: {p}"));
            return;
        }
        Media? media = null;
        if (!string.IsNullOrWhiteSpace(mediaText))
        {
            if (type != TagType.Fandom || !MediaNames.TryParse(mediaText, out media))
            {
                errors.Add(type != TagType.Fandom
                    ? $"{where}: only fandoms have a medium, and \"{name}\" is {TagTypeNames.WithArticle(type)}."
                    : $"{where}: the medium \"{mediaText.Trim()}\" is not one of {string.Join(", ", Enum.GetValues<Media>().Select(m => MediaNames.Slug(m)))}, {MediaNames.UncategorizedSlug}.");
                return;
            }
        }
        tags.Add(new StarterTag(type, name!.Trim(), synonyms, parents, line, media));
    }

    /// <summary>Splits one CSV line; double quotes enclose fields and "" is a quote inside one.</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
