using Makimono.Hosting;
using Makimono.Tags;
using Makimono.Tags.StarterSets;
using Makimono.Tests.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Tags;

[Collection(DatabaseCollection.Name)]
public sealed class StarterTagTests(TestDatabases databases)
{
    private const string Json = """
        [
          {"type": "fandom", "name": "Naruto", "synonyms": ["NARUTO (Anime)"], "media": "Anime & Manga"},
          {"type": "character", "name": "Hatake Kakashi", "synonyms": ["Kakashi", "Kakashi Hatake"], "parents": ["Naruto"]}
        ]
        """;

    [Fact]
    public void Csv_lists_are_comma_separated_inside_quotes_and_bad_rows_are_named()
    {
        var (tags, errors) = StarterTagFile.Parse("set.csv", "type,name,synonyms,parents\ncharacter,Kurosaki Ichigo,\"Ichigo, Ichigo Kurosaki\",Bleach\nplanet,Earth\n");

        var tag = Assert.Single(tags);
        Assert.Equal((TagType.Character, "Kurosaki Ichigo", 2), (tag.Type, tag.Name, tag.Line));
        Assert.Equal(["Ichigo", "Ichigo Kurosaki"], tag.Synonyms);
        Assert.Equal(["Bleach"], tag.Parents);
        Assert.Equal(["Line 3: the type \"planet\" is not one of fandom, relationship, character, freeform."], errors);
    }

    [Fact]
    public void A_fandom_may_name_its_medium_by_name_or_slug_and_a_wrong_medium_is_named()
    {
        var (tags, errors) = StarterTagFile.Parse("set.csv",
            "type,name,media\nfandom,Bleach,anime-manga\nfandom,Hamilton,Theater\nfandom,Doctor Who,Radio\ncharacter,Kurosaki Ichigo,tv-shows\n");

        Assert.Equal(["Bleach", "Hamilton"], tags.Select(t => t.Name));
        Assert.Equal(new Media?[] { Media.AnimeManga, Media.Theater }, tags.Select(t => t.Media));
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Line 4: the medium \"Radio\" is not one of anime-manga,", errors[0]);
        Assert.Equal("Line 5: only fandoms have a medium, and \"Kurosaki Ichigo\" is a character tag.", errors[1]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Loading_makes_canonicals_merges_synonyms_links_parents_and_moves_filters_and_twice_changes_nothing(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var work = await archive.SaveWorkAsync(author, f => { f.Fandoms = "NARUTO (Anime)"; f.Characters = "Kakashi"; });
        var (starters, parseErrors) = StarterTagFile.Parse("set.json", Json);
        Assert.Empty(parseErrors);

        var (summary, errors) = await LoadStarterTags.RunAsync(archive.Db, archive.Clock, starters);
        Assert.Empty(errors);
        Assert.Equal(new LoadStarterTags.Summary(Created: 3, MadeCanonical: 2, Merged: 3, Linked: 1), summary);
        Assert.Equal(["Hatake Kakashi", "Naruto"], await archive.FilterNamesAsync(work.Id));
        await using (var db = archive.NewContext())
        {
            var kakashi = await db.Tags.SingleAsync(t => t.Name == "Hatake Kakashi");
            Assert.True(kakashi.IsCanonical);
            Assert.Equal(["Kakashi", "Kakashi Hatake"], await db.Tags.Where(t => t.MergerId == kakashi.Id).Select(t => t.Name).OrderBy(n => n).ToListAsync());
            Assert.Equal(["Naruto"], await db.TagParents.Where(l => l.ChildId == kakashi.Id).Select(l => l.Parent.Name).ToListAsync());
            Assert.Equal(Media.AnimeManga, await db.Tags.Where(t => t.Name == "Naruto").Select(t => t.Media).SingleAsync());
        }

        var (again, _) = await LoadStarterTags.RunAsync(archive.Db, archive.Clock, starters);
        Assert.Equal(new LoadStarterTags.Summary(0, 0, 0, 0), again);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_conflicting_file_stores_nothing_and_says_why(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        await archive.TagAsync("Kakashi", TagType.Character);
        var (starters, _) = StarterTagFile.Parse("set.json", Json);

        var (summary, errors) = await LoadStarterTags.RunAsync(archive.Db, archive.Clock, starters);

        Assert.Null(summary);
        Assert.Equal(["Line 2: \"Kakashi\" cannot become a synonym of \"Hatake Kakashi\"; it is already canonical."], errors);
        await using var db = archive.NewContext();
        Assert.False(await db.Tags.AnyAsync(t => t.Name == "Naruto"));
    }
}
