using System.Text.RegularExpressions;
using Makimono.Import;

namespace Makimono.Tests.Import;

/// <summary>
/// The importer's promise: the words of all fields together, plus what it set aside on purpose as markers
/// ("Work Text:", labels, scene-break lines, lines read into tags), are exactly the words of the input.
/// </summary>
public static partial class NothingLost
{
    public static void Assert(string input, ImportedWork work)
    {
        var expected = Words(input);
        var actual = Words(string.Join("\n", FieldTexts(work).Concat(work.Markers)));
        var missing = Subtract(expected, actual);
        var extra = Subtract(actual, expected);
        Xunit.Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{work.Source}: missing [{string.Join(", ", missing.Take(30))}], extra [{string.Join(", ", extra.Take(30))}]");
    }

    public static IEnumerable<string?> FieldTexts(ImportedWork work)
    {
        yield return work.Title;
        foreach (var creator in work.Creators)
        {
            yield return creator;
        }
        yield return work.Summary;
        yield return work.Notes;
        yield return work.EndNotes;
        yield return work.Disclaimer;
        yield return work.ContentNotes;
        foreach (var chapter in work.Chapters)
        {
            yield return chapter.Title;
            yield return chapter.Summary;
            yield return chapter.Notes;
            yield return chapter.EndNotes;
            yield return chapter.Text;
        }
    }

    public static Dictionary<string, int> Words(string? text)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in Word().Matches(text ?? string.Empty))
        {
            bag[m.Value] = bag.GetValueOrDefault(m.Value) + 1;
        }
        return bag;
    }

    private static List<string> Subtract(Dictionary<string, int> a, Dictionary<string, int> b) =>
        a.Where(kv => kv.Value > b.GetValueOrDefault(kv.Key)).Select(kv => $"{kv.Key}×{kv.Value - b.GetValueOrDefault(kv.Key)}").ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
