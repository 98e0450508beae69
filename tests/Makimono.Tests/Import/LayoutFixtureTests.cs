using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Makimono.Import;
using Makimono.Import.Formats;

namespace Makimono.Tests.Import;

/// <summary>
/// Files in the layouts people really bring (saved AO3 and FanFiction.Net pages, pages with site chrome,
/// FanFicFare output, Markdown with front matter), written for these tests with invented stories, in
/// Fixtures/Layouts. Each has a sidecar NAME.expect.json compared as <see cref="FixtureExpectations"/> does, plus:
/// "storyParts", the CSS selectors of a saved page's parts that are the work (the rest is the site's chrome), and
/// "fieldsLack", chrome no field may hold.
/// The nothing-lost check here reads the input on its own, not through the importer's HTML reader: every text node
/// of the story parts (or the whole file, for text), so a word the reader drops, or chrome it lets in, fails it.
/// </summary>
public sealed class LayoutFixtureTests
{
    private const string Folder = "Layouts";
    private const string Suffix = ".expect.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TheoryData<string> Named => new(
        Directory.EnumerateFiles(Path.GetDirectoryName(Fixtures.PathOf(Path.Combine(Folder, "x")))!, "*" + Suffix)
            .Select(path => Path.Combine(Folder, Path.GetFileName(path)[..^Suffix.Length]))
            .Order(StringComparer.Ordinal));

    [Theory, MemberData(nameof(Named))]
    public void Layout_fixture_comes_out_as_its_sidecar_expects(string name)
    {
        var work = Fixtures.Import(name);
        var expected = Expectation(name);
        var fieldsLack = expected["fieldsLack"];
        expected.Remove("fieldsLack");
        expected.Remove("storyParts");
        var actual = JsonSerializer.SerializeToNode(work, Json)!.AsObject();

        var failures = new List<string>();
        FixtureExpectations.CompareWork(expected, actual, failures);
        var fields = string.Join("\n", NothingLost.FieldTexts(work));
        foreach (var chrome in fieldsLack?.AsArray().Select(n => n!.GetValue<string>()) ?? [])
        {
            if (fields.Contains(chrome, StringComparison.Ordinal))
            {
                failures.Add($"a field holds the chrome \"{chrome}\"");
            }
        }

        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    [Theory, MemberData(nameof(Named))]
    public void Layout_fixture_loses_no_story_word_and_lets_in_no_chrome(string name)
    {
        var work = Fixtures.Import(name);

        NothingLost.Assert(StoryText(name), work);
    }

    /// <summary>The words a reader takes for the work: a page's story parts, text node by text node, or the whole text.</summary>
    private static string StoryText(string name)
    {
        if (name.EndsWith(".epub", StringComparison.Ordinal))
        {
            return EpubText(name);
        }
        var text = TextDecoding.Decode(File.ReadAllBytes(Fixtures.PathOf(name))).Text;
        if (Expectation(name)["storyParts"] is not JsonArray parts)
        {
            return text;
        }
        var document = new HtmlParser().ParseDocument(text);
        var words = new List<string>();
        foreach (var selector in parts.Select(p => p!.GetValue<string>()))
        {
            var part = document.QuerySelector(selector);
            Assert.True(part is not null, $"{name}: no {selector}");
            words.AddRange(part.Descendants<IText>().Where(t => t.ParentElement?.LocalName is not ("script" or "style" or "button")).Select(t => t.Data));
        }
        return string.Join(" ", words);
    }

    /// <summary>
    /// An EPUB's words, read without the importer: the package's spine, in order, from the zip, and every text node
    /// of each document's body.
    /// </summary>
    private static string EpubText(string name)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(Fixtures.PathOf(name));
        string Entry(string path)
        {
            using var reader = new StreamReader(zip.GetEntry(path)!.Open());
            return reader.ReadToEnd();
        }
        var container = System.Xml.Linq.XDocument.Parse(Entry("META-INF/container.xml"));
        var opfPath = container.Descendants().First(e => e.Name.LocalName == "rootfile").Attribute("full-path")!.Value;
        var opf = System.Xml.Linq.XDocument.Parse(Entry(opfPath));
        var folder = Path.GetDirectoryName(opfPath)!.Replace('\\', '/');
        var manifest = opf.Descendants().Where(e => e.Name.LocalName == "item").ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("href")!.Value);
        // The package's own metadata is input too: the importer reads the title, creators, description and subjects from it.
        var words = opf.Descendants().Where(e => e.Name.LocalName is "title" or "creator" or "description" or "subject").Select(e => e.Value).ToList();
        foreach (var itemref in opf.Descendants().Where(e => e.Name.LocalName == "itemref"))
        {
            var href = manifest[itemref.Attribute("idref")!.Value];
            var document = new HtmlParser().ParseDocument(Entry(folder.Length == 0 ? href : folder + "/" + href));
            words.AddRange(document.Body!.Descendants<IText>().Select(t => t.Data));
        }
        return string.Join(" ", words);
    }

    private static JsonObject Expectation(string name) =>
        JsonNode.Parse(File.ReadAllText(Fixtures.PathOf(name + Suffix)))!.AsObject();
}
