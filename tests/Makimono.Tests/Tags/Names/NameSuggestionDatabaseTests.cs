using Makimono.Hosting;
using Makimono.Tags;
using Makimono.Tags.Names;
using Makimono.Tags.Wrangling;
using Makimono.Tests.Database;

namespace Makimono.Tests.Tags.Names;

[Collection(DatabaseCollection.Name)]
public sealed class NameSuggestionDatabaseTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_posted_free_form_pairing_is_suggested_for_merging_into_the_canonical_relationship_through_synonyms(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var admin = (await archive.CreateUserAsync("Admin", isAdmin: true)).AsViewer();
        var author = await archive.CreateUserAsync("Author");
        var naruto = await archive.TagAsync("Naruto", TagType.Fandom);
        var kakashi = await archive.TagAsync("Hatake Kakashi", TagType.Character);
        var sakura = await archive.TagAsync("Haruno Sakura", TagType.Character);
        var cherry = await archive.TagAsync("Cherry Blossom Girl", TagType.Character, canonical: false);
        var pairing = await archive.TagAsync("Hatake Kakashi/Haruno Sakura", TagType.Relationship);
        foreach (var child in new[] { kakashi, sakura, pairing })
        {
            (await ParentTags.AddAsync(archive.Db, archive.Clock, admin, child.Id, naruto.Id)).Ok();
        }
        (await MergeTag.RunAsync(archive.Db, archive.Clock, admin, cherry.Id, sakura.Id)).Ok();
        await archive.SaveWorkAsync(author, f =>
        {
            f.Fandoms = "Naruto";
            f.Relationships = "Cherry Blossom Girl x Kakashi, Kakashi & Sakura";
        });

        var written = await archive.FindTagAsync("Cherry Blossom Girl x Kakashi");
        var platonic = await archive.FindTagAsync("Kakashi & Sakura");
        await using var db = archive.NewContext();
        var suggestion = await MergeSuggestion.ForTagAsync(db, written);

        Assert.NotNull(suggestion);
        Assert.Equal(pairing.Id, suggestion.CanonicalId);
        Assert.Contains("synonym of Haruno Sakura", suggestion.Reason, StringComparison.Ordinal);
        Assert.Null(await MergeSuggestion.ForTagAsync(db, platonic));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_fandoms_character_variants_are_found_from_its_works_and_parent_links(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var admin = (await archive.CreateUserAsync("Admin", isAdmin: true)).AsViewer();
        var author = await archive.CreateUserAsync("Author");
        var naruto = await archive.TagAsync("Naruto", TagType.Fandom);
        var kakashi = await archive.TagAsync("Hatake Kakashi", TagType.Character);
        (await ParentTags.AddAsync(archive.Db, archive.Clock, admin, kakashi.Id, naruto.Id)).Ok();
        await archive.SaveWorkAsync(author, f => { f.Fandoms = "Naruto"; f.Characters = "Kakashi, Hatake Kakashi"; });
        await archive.SaveWorkAsync(author, f => { f.Fandoms = "Naruto"; f.Characters = "Kakashi Hatake"; });
        await archive.SaveWorkAsync(author, f => { f.Fandoms = "Bleach"; f.Characters = "Kakashi H."; });

        await using var db = archive.NewContext();
        var group = Assert.Single(await CharacterVariants.ForFandomAsync(db, naruto.Id));

        Assert.Equal(kakashi.Id, group.Chosen.Id);
        Assert.Equal(["Kakashi", "Kakashi Hatake"], group.Variants.Select(v => v.Tag.Name).Order(StringComparer.Ordinal));
        Assert.Equal(1, group.Variants.Single(v => v.Tag.Name == "Kakashi").WorksWithChosen);
    }
}
