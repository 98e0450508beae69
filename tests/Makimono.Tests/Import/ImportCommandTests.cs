using System.Text.Json;
using Makimono.Tests.Hosting;
using Makimono.Tests.Import.Formats;

namespace Makimono.Tests.Import;

/// <summary>The `import` verb run as a person runs it: the built program, its exit code, stdout and stderr.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("makimono-import-").FullName;

    [Fact]
    public async Task Dry_run_json_prints_one_array_with_an_element_per_file_and_fails_for_bad_files()
    {
        var stories = Path.Combine(_folder, "stories", "nested");
        Directory.CreateDirectory(stories);
        File.Copy(Fixtures.PathOf("labelled-front-matter.txt"), Path.Combine(stories, "a.txt"));
        File.Copy(Fixtures.PathOf("ao3-download.html"), Path.Combine(_folder, "stories", "b.html"));
        await File.WriteAllBytesAsync(Path.Combine(_folder, "stories", "c.txt"), []);

        var (exit, stdout, stderr) = await RunAsync(["import", "--dry-run", "--json", Path.Combine(_folder, "stories")]);

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(stdout);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal("ao3-html", items[0].GetProperty("format").GetString());
        Assert.Equal("The Night Ferry", items[0].GetProperty("title").GetString());
        Assert.Contains("empty", items[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("The Lighthouse Keeper's Daughter", items[2].GetProperty("title").GetString());
        Assert.Equal(2, items[2].GetProperty("chapters").GetArrayLength());
        Assert.True(items[2].GetProperty("suggestions").GetProperty("characters").GetArrayLength() > 0);
        Assert.Contains("2 imported, 1 failed", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_hostile_file_in_a_batch_is_reported_with_its_own_reason_and_the_batch_carries_on()
    {
        var stories = Path.Combine(_folder, "batch");
        Directory.CreateDirectory(stories);
        var files = new (string Name, byte[] Bytes, string Reason)[]
        {
            ("a-bomb.docx", HostileFiles.ZipBomb(HostileFiles.Docx(), "word/media/zeros.bin", gigabytes: 2), "zip bomb"),
            ("b-xxe.epub", HostileFiles.Changed(HostileFiles.Epub(), "OEBPS/content.opf", x => HostileFiles.WithExternalEntity(x, "package")), "declares its own XML entities"),
            ("c-laughs.docx", HostileFiles.Changed(HostileFiles.Docx(), "word/document.xml", x => HostileFiles.WithBillionLaughs(x, "w:document")), "declares its own XML entities"),
            ("d-deep.html", System.Text.Encoding.UTF8.GetBytes(HostileFiles.NestedHtml("b", 100_000)), "nested more than"),
            ("e-nul.txt", "Once\0upon a time"u8.ToArray(), "NUL bytes"),
            ("f-cut.epub", HostileFiles.Epub()[..300], "damaged or incomplete"),
            ("g-line.txt", HostileFiles.SingleLine(11), "the limit is 10 MB"),
            ("h-spine.epub", HostileFiles.Without(HostileFiles.Epub(), "OEBPS/c1.xhtml"), "OEBPS/c1.xhtml"),
        };
        foreach (var (name, bytes, _) in files)
        {
            await File.WriteAllBytesAsync(Path.Combine(stories, name), bytes);
        }
        File.Copy(Fixtures.PathOf("labelled-front-matter.txt"), Path.Combine(stories, "z-good.txt"));

        var (exit, stdout, stderr) = await RunAsync(["import", "--dry-run", "--json", stories]);

        Assert.Equal(1, exit);
        var items = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(files.Length + 1, items.Count);
        foreach (var (item, (name, _, reason)) in items.Zip(files))
        {
            Assert.EndsWith(name, item.GetProperty("source").GetString(), StringComparison.Ordinal);
            Assert.Contains(reason, item.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Contains(reason, stderr, StringComparison.Ordinal);
        }
        Assert.Equal("The Lighthouse Keeper's Daughter", items[^1].GetProperty("title").GetString());
        Assert.Contains($"1 imported, {files.Length} failed", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(HostileFiles.SecretMarker, stdout + stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("5000")]
    public async Task A_max_size_out_of_range_is_refused_before_any_file_is_read(string megabytes)
    {
        File.Copy(Fixtures.PathOf("labelled-front-matter.txt"), Path.Combine(_folder, "a.txt"));

        var (exit, stdout, stderr) = await RunAsync(["import", "--dry-run", "--json", "--max-size", megabytes, Path.Combine(_folder, "a.txt")]);

        Assert.NotEqual(0, exit);
        Assert.Contains("--max-size is in MB, from 1 to 1024", stderr + stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Lighthouse", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_json_reads_docx_and_epub_files()
    {
        var docx = new DocxBuilder()
            .Title("Moth Season")
            .Heading("Lamplight")
            .Paragraph("Every June the moths came to Corentin's window, and every June he let them in.")
            .Heading("Dark")
            .Paragraph("The year the streetlights went out, they stopped coming.");
        var epub = new EpubBuilder(version: 3) { Title = "Moth Season, Again", Creators = ["dusk"] }
            .Document("c1.xhtml", "<h2>Return</h2><p>They came back in the end, when Corentin had stopped waiting.</p>");
        await File.WriteAllBytesAsync(Path.Combine(_folder, "a.docx"), docx.Build());
        await File.WriteAllBytesAsync(Path.Combine(_folder, "b.epub"), epub.Build());

        var (exit, stdout, stderr) = await RunAsync(["import", "--dry-run", "--json", Path.Combine(_folder, "a.docx"), Path.Combine(_folder, "b.epub")]);

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["docx", "epub"], items.Select(i => i.GetProperty("format").GetString()));
        Assert.Equal("Moth Season", items[0].GetProperty("title").GetString());
        Assert.Equal(["Lamplight", "Dark"], items[0].GetProperty("chapters").EnumerateArray().Select(c => c.GetProperty("title").GetString()));
        Assert.Equal("dusk", Assert.Single(items[1].GetProperty("creators").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Without_dry_run_it_saves_drafts_for_the_user_and_prints_their_urls()
    {
        var data = Path.Combine(_folder, "data");
        var (added, _, addError) = await RunAsync(["user", "add", "quill", "--email", "quill@example.org", "--data", data], stdin: "a long enough password\n");
        Assert.True(added == 0, addError);

        var (exit, stdout, stderr) = await RunAsync(["import", Fixtures.PathOf("title-line-only.txt"), "--pseud", "quill", "--fandom", "Original Work", "--data", data]);

        Assert.True(exit == 0, stderr);
        Assert.Matches(@"(?m)^\d+\thttp://localhost:5080/works/\d+\t", stdout);
    }

    /// <summary>
    /// Issue 13: with a Naruto tag set loaded, where "Jiraiya" and "Kakashi" are synonyms of canonical characters,
    /// each is suggested from one mention, as its canonical tag, and the JSON names the tag. (Without --fandom
    /// the names point to the fandom: SuggestionMappingDatabaseTests.)
    /// </summary>
    [Fact]
    public async Task With_fandom_given_the_archives_characters_are_suggested_from_one_mention_as_their_canonical_tags()
    {
        var data = Path.Combine(_folder, "data");
        var (added, _, addError) = await RunAsync(["user", "add", "quill", "--email", "quill@example.org", "--data", data], stdin: "a long enough password\n");
        Assert.True(added == 0, addError);
        var tags = Path.Combine(_folder, "naruto.json");
        await File.WriteAllTextAsync(tags, """
            [
              {"type": "fandom", "name": "Naruto"},
              {"type": "character", "name": "Hatake Kakashi", "synonyms": ["Kakashi"], "parents": ["Naruto"]},
              {"type": "character", "name": "Jiraiya (Naruto)", "synonyms": ["Jiraiya"], "parents": ["Naruto"]},
              {"type": "fandom", "name": "Bleach"},
              {"type": "character", "name": "Kurosaki Ichigo", "synonyms": ["Ichigo"], "parents": ["Bleach"]}
            ]
            """);
        var (loaded, _, loadError) = await RunAsync(["tags", "load", tags, "--data", data]);
        Assert.True(loaded == 0, loadError);
        var story = Path.Combine(_folder, "toads.txt");
        await File.WriteAllTextAsync(story, """
            The Toad Sage

            Jiraiya laughed at the rain. The village was quiet, and the toads sang under the bridge.

            Later that night the old scrolls were spread out on the floor, and a tired jonin named Kakashi read them twice.
            """);

        var (exit, stdout, stderr) = await RunAsync(["import", story, "--pseud", "quill", "--fandom", "Naruto", "--json", "--data", data]);

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout[stdout.IndexOf('[', StringComparison.Ordinal)..]);
        var characters = Assert.Single(json.RootElement.EnumerateArray()).GetProperty("suggestions").GetProperty("characters")
            .EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        foreach (var (written, tag) in new[] { ("Jiraiya", "Jiraiya (Naruto)"), ("Kakashi", "Hatake Kakashi") })
        {
            Assert.True(characters.TryGetValue(written, out var character), $"{written} not suggested: {string.Join(", ", characters.Keys)}");
            Assert.Equal(tag, character.GetProperty("tag").GetString());
            Assert.True(character.GetProperty("tagId").GetInt32() > 0);
            Assert.True(character.GetProperty("confidence").GetDouble() >= 0.5);
        }
    }

    /// <summary>
    /// Issue 13: a dry run maps suggestions to the archive's tags too, reading the configured archive without
    /// changing it (the SQLite file is byte for byte the same afterwards); with no archive there, it says so and
    /// creates none.
    /// </summary>
    [Fact]
    public async Task Dry_run_reads_the_archive_read_only_and_gives_each_suggestions_canonical_tag()
    {
        var data = Path.Combine(_folder, "data");
        var (added, _, addError) = await RunAsync(["user", "add", "quill", "--email", "quill@example.org", "--data", data], stdin: "a long enough password\n");
        Assert.True(added == 0, addError);
        var tags = Path.Combine(_folder, "naruto.json");
        await File.WriteAllTextAsync(tags, """
            [
              {"type": "fandom", "name": "Naruto"},
              {"type": "character", "name": "Hatake Kakashi", "synonyms": ["Kakashi"], "parents": ["Naruto"]},
              {"type": "character", "name": "Jiraiya (Naruto)", "synonyms": ["Jiraiya"], "parents": ["Naruto"]}
            ]
            """);
        var (loaded, _, loadError) = await RunAsync(["tags", "load", tags, "--data", data]);
        Assert.True(loaded == 0, loadError);
        var story = Path.Combine(_folder, "toads.txt");
        await File.WriteAllTextAsync(story, """
            The Toad Sage

            Jiraiya laughed at the rain. The village was quiet, and the toads sang under the bridge.

            Later that night a tired jonin named Kakashi read the old scrolls twice.
            """);
        var database = Path.Combine(data, "makimono.db");
        await CheckpointAsync(database);
        var before = await File.ReadAllBytesAsync(database);

        var (exit, stdout, stderr) = await RunAsync(["import", story, "--dry-run", "--fandom", "Naruto", "--json", "--data", data]);

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var characters = Assert.Single(json.RootElement.EnumerateArray()).GetProperty("suggestions").GetProperty("characters")
            .EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal("Jiraiya (Naruto)", characters["Jiraiya"].GetProperty("tag").GetString());
        Assert.Equal("Hatake Kakashi", characters["Kakashi"].GetProperty("tag").GetString());
        Assert.True(characters["Kakashi"].GetProperty("tagId").GetInt32() > 0);
        Assert.Equal(before, await File.ReadAllBytesAsync(database));

        var empty = Path.Combine(_folder, "no-archive");
        var (exitWithout, stdoutWithout, stderrWithout) = await RunAsync(["import", story, "--dry-run", "--fandom", "Naruto", "--json", "--data", empty]);

        Assert.True(exitWithout == 0, stderrWithout);
        Assert.Contains("No archive at", stderrWithout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(empty, "makimono.db")));
        using var unmapped = JsonDocument.Parse(stdoutWithout);
        Assert.All(Assert.Single(unmapped.RootElement.EnumerateArray()).GetProperty("suggestions").GetProperty("characters").EnumerateArray(),
            c => Assert.True(!c.TryGetProperty("tag", out var tag) || tag.ValueKind == JsonValueKind.Null));
    }

    /// <summary>Moves the write-ahead log into the file, so the file alone shows whether a later run wrote.</summary>
    private static async Task CheckpointAsync(string database)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync();
    }

    internal static Task<(int Exit, string Stdout, string Stderr)> RunAsync(string[] arguments, string? stdin = null) =>
        MakimonoProcess.RunAsync(arguments, new Dictionary<string, string> { ["Database__Provider"] = "Sqlite" }, stdin);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
