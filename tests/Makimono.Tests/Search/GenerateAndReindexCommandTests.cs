using Makimono.Tests.Hosting;
using Microsoft.Data.Sqlite;

namespace Makimono.Tests.Search;

/// <summary>`makimono dev generate` and `makimono reindex`, run as the program is.</summary>
public sealed class GenerateAndReindexCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("makimono-generate-").FullName;

    private static readonly Dictionary<string, string> NoSettings = [];

    private async Task<string> GenerateAsync(string name, int works, int seed)
    {
        var data = Path.Combine(_folder, name);
        var (exit, stdout, stderr) = await MakimonoProcess.RunAsync(
            ["dev", "generate", "--works", works.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", data], NoSettings);
        Assert.True(exit == 0, stderr);
        Assert.Contains($"Generated {works:N0} works", stdout);
        return data;
    }

    private static async Task<T> ScalarAsync<T>(string data, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "makimono.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_AO3_shaped_archive_and_reindex_indexes_all_of_it()
    {
        var first = await GenerateAsync("first", 2000, 3);
        var second = await GenerateAsync("second", 2000, 3);
        const string digest = """
            SELECT group_concat(w."Id" || ':' || w."Title" || ':' || w."WordCount" || ':' || w."KudosCount" || ':' || w."UpdatedAt" || ':' ||
              (SELECT group_concat(t."TagId", ',') FROM (SELECT "TagId" FROM "WorkTags" WHERE "WorkId" = w."Id" ORDER BY "TagId") t), ';')
            FROM (SELECT * FROM "Works" ORDER BY "Id") w
            """;
        Assert.Equal(await ScalarAsync<string>(first, digest), await ScalarAsync<string>(second, digest));

        var tagsPerWork = await ScalarAsync<double>(first, """SELECT count(*) / 2000.0 FROM "WorkTags" """);
        Assert.InRange(tagsPerWork, 15, 19);
        // The most used tag of each user type stays near AO3's ~10% of works, not a plain Zipf's 64%.
        foreach (var (from, to) in new[] { (1000, 10999), (11000, 70999), (71000, 120999), (121000, 200999) })
        {
            var top = await ScalarAsync<double>(first, $"""SELECT max(n) / 2000.0 FROM (SELECT count(*) AS n FROM "WorkTags" WHERE "TagId" BETWEEN {from} AND {to} GROUP BY "TagId") """);
            Assert.InRange(top, 0.01, 0.16);
        }
        var general = await ScalarAsync<double>(first, """SELECT count(*) / 2000.0 FROM "WorkTags" WHERE "TagId" = 2""");
        Assert.InRange(general, 0.25, 0.35);
        var medianWords = await ScalarAsync<int>(first, """SELECT "WordCount" FROM "Works" ORDER BY "WordCount" LIMIT 1 OFFSET 1000""");
        Assert.InRange(medianWords, 4000, 6200);

        var (exit, stdout, stderr) = await MakimonoProcess.RunAsync(["reindex", "--data", first], NoSettings);
        Assert.True(exit == 0, stderr);
        Assert.Contains("Indexed 2,000 works", stdout);
        Assert.Contains("100 %", stderr);
        var current = File.ReadAllText(Path.Combine(first, "search", "current")).Trim();
        Assert.True(Directory.Exists(Path.Combine(first, "search", current)));
    }

    [Fact]
    public async Task Generating_into_an_archive_with_works_is_refused_and_changes_nothing()
    {
        var data = await GenerateAsync("full", 50, 1);

        var (exit, _, stderr) = await MakimonoProcess.RunAsync(["dev", "generate", "--works", "10", "--data", data], NoSettings);

        Assert.Equal(1, exit);
        Assert.Contains("empty archive only", stderr);
        Assert.Equal(50, await ScalarAsync<int>(data, """SELECT count(*) FROM "Works" """));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
