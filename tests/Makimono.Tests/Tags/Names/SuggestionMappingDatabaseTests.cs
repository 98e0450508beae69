using Makimono.Hosting;
using Makimono.Import;
using Makimono.Tags.Suggestions;
using Makimono.Tags.Wrangling;
using Makimono.Tags;
using Makimono.Tests.Database;

namespace Makimono.Tests.Tags.Names;

[Collection(DatabaseCollection.Name)]
public sealed class SuggestionMappingDatabaseTests(TestDatabases databases)
{
    private const string Story = """
        Kakashi waited at the bridge. Sakura was late, and Kakashi did not mind.

        "You're late," Kakashi said. Sakura blushed and kissed him, and Kakashi forgot the time.

        Later Sakura said the bridge was cold. Kakashi held her hand. Naruto, passing, said nothing; then Naruto said everything.
        Naruto laughed at them both, and Sakura threw a stone at Naruto.
        """;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Names_in_the_text_map_to_the_fandoms_canonical_characters_and_the_pairing_to_its_canonical_relationship(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var admin = (await archive.CreateUserAsync("Admin", isAdmin: true)).AsViewer();
        var fandom = await archive.TagAsync("Leaf Stories", TagType.Fandom);
        var kakashi = await archive.TagAsync("Hatake Kakashi", TagType.Character);
        var sakura = await archive.TagAsync("Haruno Sakura", TagType.Character);
        var pairing = await archive.TagAsync("Hatake Kakashi/Haruno Sakura", TagType.Relationship);
        foreach (var tag in new[] { kakashi, sakura, pairing })
        {
            (await ParentTags.AddAsync(archive.Db, archive.Clock, admin, tag.Id, fandom.Id)).Ok();
        }
        var work = new ImportedWork { Source = "leaf.txt", Format = "text" };
        work.Fandoms.Add("leaf stories");
        work.Chapters.Add(new ImportedChapter { Text = Story });
        SuggestTags.Suggest(work);

        await SuggestTags.MapToExistingTagsAsync(archive.Db, work);

        var known = work.Suggestions.Characters.Single(c => c.TagId == kakashi.Id);
        Assert.Equal("Hatake Kakashi", known.Tag);
        Assert.True(known.Confidence >= SuggestTags.Likely);
        Assert.Equal(sakura.Id, work.Suggestions.Characters.Single(c => c.Name == "Sakura").TagId);
        var stranger = work.Suggestions.Characters.Single(c => c.Name == "Naruto");
        Assert.Null(stranger.TagId);
        var relationship = work.Suggestions.Relationships.Single(r => r.TagId == pairing.Id);
        Assert.Equal("Hatake Kakashi/Haruno Sakura", relationship.Name);
        Assert.True(relationship.Confidence >= SuggestTags.Likely);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Without_a_fandom_the_one_whose_characters_the_text_names_is_inferred_and_its_characters_suggested(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var admin = (await archive.CreateUserAsync("Admin", isAdmin: true)).AsViewer();
        var leaf = await archive.TagAsync("Leaf Stories", TagType.Fandom);
        var other = await archive.TagAsync("Soul Stories", TagType.Fandom);
        var kakashi = await archive.TagAsync("Hatake Kakashi", TagType.Character);
        var jiraiya = await archive.TagAsync("Jiraiya (Leaf Stories)", TagType.Character);
        var ichigo = await archive.TagAsync("Kurosaki Ichigo", TagType.Character);
        (await ParentTags.AddAsync(archive.Db, archive.Clock, admin, kakashi.Id, leaf.Id)).Ok();
        (await ParentTags.AddAsync(archive.Db, archive.Clock, admin, jiraiya.Id, leaf.Id)).Ok();
        (await ParentTags.AddAsync(archive.Db, archive.Clock, admin, ichigo.Id, other.Id)).Ok();
        var work = new ImportedWork { Source = "toads.txt", Format = "text" };
        work.Chapters.Add(new ImportedChapter { Text = "Jiraiya laughed at the rain. Later a tired jonin named Kakashi read the scrolls twice, and Kakashi slept." });
        SuggestTags.Suggest(work);

        await SuggestTags.MapToExistingTagsAsync(archive.Db, work);

        Assert.Equal(new[] { jiraiya.Id, kakashi.Id }.Order(), work.Suggestions.Characters.Where(c => c.Confidence >= SuggestTags.Likely).Select(c => c.TagId ?? 0).Order());
    }
}
