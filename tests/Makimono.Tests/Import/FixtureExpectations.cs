using System.Text.Json;
using System.Text.Json.Nodes;

namespace Makimono.Tests.Import;

/// <summary>
/// Each fixture with a sidecar <c>NAME.expect.json</c> is imported and compared with it. The sidecar is a part of
/// the importer's `--dry-run --json` shape: every property it names must equal the importer's (arrays element by
/// element, with the same length), and naming a property the importer does not have fails. A chapter may also say
/// "hr" (how many scene breaks its HTML has), "htmlContains", "textStartsWith", "textEndsWith" and "textLacks";
/// the work may say "storyLacks" (text no chapter may contain, such as front matter) and "conventions" (what the
/// fixture is there to show, counted by <see cref="Every_convention_has_several_fixtures"/>).
/// </summary>
public sealed class FixtureExpectations
{
    private const string Suffix = ".expect.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The conventions issue 3 lists; each needs several fixtures.</summary>
    private static readonly string[] Conventions =
    [
        "title-line", "authors-note", "chatty-note", "disclaimer", "summary-labelled", "summary-unlabelled",
        "content-notes", "rating-in-words", "pairing", "dedication", "epigraph", "end-notes", "chapter-numbers",
        "chapter-words", "chapter-abbreviated", "chapter-roman", "prologue-epilogue", "scene-break-symbols",
        "scene-break-centred", "scene-break-blank-lines", "line-breaks", "italics", "ao3-markers", "ao3-html",
        "markdown", "html", "end-markers", "windows-1252", "utf-16le", "utf-16be", "utf-8-bom",
    ];

    public static TheoryData<string> Named => new(FixtureNames());

    [Theory, MemberData(nameof(Named))]
    public void Fixture_comes_out_as_its_sidecar_expects(string name)
    {
        var work = Fixtures.Import(name);
        var expected = Expectation(name);
        var actual = JsonSerializer.SerializeToNode(work, Json)!.AsObject();

        var failures = new List<string>();
        CompareWork(expected, actual, failures);

        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    [Theory, MemberData(nameof(Named))]
    public void Fixture_loses_nothing(string name)
    {
        var work = Fixtures.Import(name);

        NothingLost.Assert(Fixtures.InputText(name), work);
    }

    [Fact]
    public void Every_convention_has_several_fixtures()
    {
        var counts = FixtureNames()
            .SelectMany(name => Expectation(name)["conventions"]?.AsArray().Select(c => c!.GetValue<string>()) ?? [])
            .CountBy(c => c)
            .ToDictionary();

        Assert.Empty(counts.Keys.Except(Conventions));
        var thin = Conventions.Where(c => counts.GetValueOrDefault(c) < 3).Select(c => $"{c}: {counts.GetValueOrDefault(c)}");
        Assert.Empty(thin);
    }

    private static IEnumerable<string> FixtureNames() =>
        Directory.EnumerateFiles(Path.GetDirectoryName(Fixtures.PathOf("x"))!, "*" + Suffix)
            .Select(path => Path.GetFileName(path)[..^Suffix.Length])
            .Order(StringComparer.Ordinal);

    private static JsonObject Expectation(string name) =>
        JsonNode.Parse(File.ReadAllText(Fixtures.PathOf(name + Suffix)))!.AsObject();

    internal static void CompareWork(JsonObject expected, JsonObject actual, List<string> failures)
    {
        foreach (var (key, value) in expected)
        {
            switch (key)
            {
                case "conventions":
                    break;
                case "storyLacks":
                    var story = string.Join("\n", actual["chapters"]!.AsArray().Select(c => c!["text"]!.GetValue<string>()));
                    foreach (var text in Strings(value))
                    {
                        Check(!story.Contains(text, StringComparison.Ordinal), $"the story contains \"{text}\"", failures);
                    }
                    break;
                case "chapters":
                    var chapters = actual["chapters"]!.AsArray();
                    var wanted = value!.AsArray();
                    Check(wanted.Count == chapters.Count, $"{chapters.Count} chapters, expected {wanted.Count}: titles [{string.Join(", ", chapters.Select(c => c!["title"]?.ToJsonString() ?? "null"))}]", failures);
                    for (var i = 0; i < Math.Min(wanted.Count, chapters.Count); i++)
                    {
                        CompareChapter(wanted[i]!.AsObject(), chapters[i]!.AsObject(), $"chapters[{i}]", failures);
                    }
                    break;
                default:
                    CompareValue(value, actual, key, key, failures);
                    break;
            }
        }
    }

    private static void CompareChapter(JsonObject expected, JsonObject actual, string path, List<string> failures)
    {
        var html = actual["html"]!.GetValue<string>();
        var text = actual["text"]!.GetValue<string>();
        foreach (var (key, value) in expected)
        {
            switch (key)
            {
                case "hr":
                    var breaks = html.Split("<hr>").Length - 1;
                    Check(breaks == value!.GetValue<int>(), $"{path}: {breaks} <hr>, expected {value}", failures);
                    break;
                case "htmlContains":
                    foreach (var part in Strings(value))
                    {
                        Check(html.Contains(part, StringComparison.Ordinal), $"{path}: html lacks \"{part}\" in {html}", failures);
                    }
                    break;
                case "textLacks":
                    foreach (var part in Strings(value))
                    {
                        Check(!text.Contains(part, StringComparison.Ordinal), $"{path}: text contains \"{part}\"", failures);
                    }
                    break;
                case "textStartsWith":
                    Check(text.StartsWith(value!.GetValue<string>(), StringComparison.Ordinal), $"{path}: text starts \"{text[..Math.Min(80, text.Length)]}\"", failures);
                    break;
                case "textEndsWith":
                    Check(text.EndsWith(value!.GetValue<string>(), StringComparison.Ordinal), $"{path}: text ends \"{text[Math.Max(0, text.Length - 80)..]}\"", failures);
                    break;
                default:
                    CompareValue(value, actual, key, $"{path}.{key}", failures);
                    break;
            }
        }
    }

    private static void CompareValue(JsonNode? expected, JsonObject actual, string key, string path, List<string> failures)
    {
        if (!actual.ContainsKey(key))
        {
            failures.Add($"{path}: the importer has no such property");
            return;
        }
        var value = actual[key];
        Check(JsonNode.DeepEquals(expected, value), $"{path}: {value?.ToJsonString() ?? "null"}, expected {expected?.ToJsonString() ?? "null"}", failures);
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node!.AsArray().Select(n => n!.GetValue<string>());

    private static void Check(bool ok, string failure, List<string> failures)
    {
        if (!ok)
        {
            failures.Add(failure);
        }
    }
}
