using Makimono.Accounts;
using Makimono.Database;
using Makimono.Hosting;
using Makimono.Search;
using Makimono.Tags;
using Makimono.Tags.Wrangling;
using Makimono.Tests.Database;
using Makimono.Tests.Tags;

namespace Makimono.Tests.Search;

/// <summary>
/// The database's reading of a search text gives the index's answer for tag names, fields, creators and the query
/// syntax: the same queries run through both, and the works must be the same. The corpus avoids the known differences
/// (stemming beyond a substring, words only in chapter text); DatabaseTextMatch lists them.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class DatabaseTextAgreementTests(TestDatabases databases)
{
    private static readonly string[] Queries =
    [
        "naruto",
        "NARUTO",
        "fandom:\"Naruto\"",
        "fandom:naruto",
        "fandom:\"Naruto Shippuden\"",
        "fandom:bleach",
        "character:kakashi",
        "character:\"Hatake Kakashi\"",
        "relationship:iruka",
        "\"umino iruka\"",
        "tag:angst",
        "freeform:fluff",
        "tag:\"Explicit\"",
        "kakashi",
        "naruto -kakashi",
        "naruto AND NOT kakashi",
        "bleach OR iruka",
        "fluff OR NOT naruto",
        "NOT naruto",
        "(bleach OR fandom:naruto) fluff",
        "creator:hana",
        "hana",
        "ninja",
        "ninja*",
        "title:copy",
        "summary:ninjas",
        "words>15",
        "fandom:naruto words<=15",
        "kudos>=3 OR character:ichigo",
        "chapters:1",
        "creator:hana OR words:12-14",
    ];

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Tag_names_fields_and_syntax_find_the_same_works_in_the_database_as_in_the_index(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var admin = await archive.CreateUserAsync("Admin", isAdmin: true);
        var kiri = await archive.CreateUserAsync("Kiri");
        var hana = await archive.CreateUserAsync("Hana");
        var naruto = await archive.TagAsync("Naruto", TagType.Fandom);
        var shippuden = await archive.TagAsync("Naruto Shippuden", TagType.Fandom);
        (await MetaTags.AddAsync(archive.Db, archive.Clock, admin.AsViewer(), shippuden.Id, naruto.Id)).Ok();
        await archive.TagAsync("Hatake Kakashi", TagType.Character);
        var titles = new Dictionary<int, string>();
        async Task PostAsync(User author, string title, Action<Makimono.Works.WorkForm> edit, int words, int kudos = 0)
        {
            archive.Clock.Advance(TimeSpan.FromHours(1));
            var work = await archive.SaveWorkAsync(author, f => { f.Title = title; edit(f); }, body: string.Join(' ', Enumerable.Repeat("plain", words)));
            work.KudosCount = kudos;
            await archive.Db.SaveChangesAsync();
            titles[work.Id] = title;
        }
        await PostAsync(kiri, "Copy Ninja", f => (f.Fandoms, f.Characters, f.Freeforms) = ("Naruto", "Hatake Kakashi", "Angst"), 10, kudos: 5);
        // Reaches Naruto only as a filter tag: its fandom's meta tag.
        await PostAsync(hana, "Dolphin", f => (f.Fandoms, f.Characters, f.Relationships) = ("Naruto Shippuden", "Umino Iruka", "Hatake Kakashi/Umino Iruka"), 20);
        await PostAsync(hana, "Soul Reaper", f => (f.Fandoms, f.Characters, f.Freeforms, f.Summary, f.RatingId) = ("Bleach", "Kurosaki Ichigo", "Fluff", "Not about ninjas at all.", 5), 30);
        // Reaches "Hatake Kakashi" only through a synonym merged after posting.
        await PostAsync(kiri, "Scarecrow", f => (f.Fandoms, f.Characters, f.Freeforms) = ("Naruto", "Kakashi-sensei", "Fluff"), 12, kudos: 3);
        await PostAsync(kiri, "Meadow", f => f.Freeforms = "Picnics", 14);
        var synonym = await archive.FindTagAsync("Kakashi-sensei");
        var kakashi = await archive.FindTagAsync("Hatake Kakashi");
        (await MergeTag.RunAsync(archive.Db, archive.Clock, admin.AsViewer(), synonym.Id, kakashi.Id)).Ok();

        using var index = await TestIndex.OpenAsync(archive);
        await using var db = archive.NewContext();
        var database = new DatabaseWorkSearch(db);
        foreach (var text in Queries)
        {
            var query = new WorkQuery { Text = text };
            var fromDatabase = (await database.FindAsync(query, Viewer.Guest, ViewerFilters.None, default)).WorkIds.Select(id => titles[id]).ToList();
            var fromIndex = index.Find(query).WorkIds.Select(id => titles[id]).ToList();
            Assert.True(fromIndex.SequenceEqual(fromDatabase),
                $"{text}: the index finds [{string.Join(", ", fromIndex)}], the database [{string.Join(", ", fromDatabase)}]");
        }
        // And the cases that must find something, so an agreement on nothing proves nothing.
        async Task<List<string>> DatabaseFinds(string text) =>
            (await database.FindAsync(new WorkQuery { Text = text, Sort = WorkSort.Title, Descending = false }, Viewer.Guest, ViewerFilters.None, default)).WorkIds.Select(id => titles[id]).ToList();
        Assert.Equal(["Copy Ninja", "Dolphin", "Scarecrow"], await DatabaseFinds("naruto"));
        Assert.Equal(["Copy Ninja", "Dolphin", "Scarecrow"], await DatabaseFinds("fandom:\"Naruto\""));
        Assert.Equal(["Copy Ninja", "Scarecrow"], await DatabaseFinds("character:kakashi"));
        Assert.Equal(["Copy Ninja", "Dolphin", "Scarecrow"], await DatabaseFinds("kakashi"));
        Assert.Equal(["Dolphin", "Soul Reaper"], await DatabaseFinds("bleach OR iruka"));
        Assert.Equal(["Meadow", "Soul Reaper"], await DatabaseFinds("NOT naruto"));
        Assert.Equal(["Dolphin", "Meadow", "Scarecrow", "Soul Reaper"], await DatabaseFinds("creator:hana OR words:12-14"));
        // A text that cannot be read is not run, and says why, as in the index.
        var broken = await database.FindAsync(new WorkQuery { Text = "fandon:Naruto" }, Viewer.Guest, ViewerFilters.None, default);
        Assert.Empty(broken.WorkIds);
        Assert.NotNull(broken.TextError);
        Assert.Equal(index.Find(new WorkQuery { Text = "fandon:Naruto" }).TextError, broken.TextError);
    }
}
