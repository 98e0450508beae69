using Makimono.Hosting;
using Makimono.Import;
using Makimono.Tags.Suggestions;
using Makimono.Tags;
using Makimono.Tests.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Import;

[Collection(DatabaseCollection.Name)]
public sealed class ImportIntoArchiveTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Saves_an_imported_work_as_a_draft_with_every_chapter(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Quill");
        var work = Fixtures.Import("labelled-front-matter.txt");
        work.Fandoms.Add("Harbour Tales");

        var outcome = await ImportIntoArchive.SaveAsync(archive.Db, archive.Clock, author.Id, work, post: false);

        Assert.Null(outcome.Error);
        await using var check = archive.NewContext();
        var saved = await archive.LoadWorkAsync(check, outcome.WorkId!.Value);
        Assert.True(saved.IsDraft);
        Assert.Equal("The Lighthouse Keeper's Daughter", saved.Title);
        Assert.Equal(["Spring Boats", "The Letter"], saved.Chapters.OrderBy(c => c.Position).Select(c => c.Title));
        Assert.Contains("<hr>", saved.Chapters.Single(c => c.Position == 1).Body, StringComparison.Ordinal);
        Assert.Contains(saved.Tags, t => t.Tag.Name == "Teen And Up Audiences");
        Assert.Contains(saved.Tags, t => t.Tag.Name == "Mira/Tobias");
        Assert.Contains("I don't own", saved.Notes, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_work_without_a_fandom_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Quill");
        var work = Fixtures.Import("title-line-only.txt");

        var outcome = await ImportIntoArchive.SaveAsync(archive.Db, archive.Clock, author.Id, work, post: true);

        Assert.Null(outcome.WorkId);
        Assert.Contains("--fandom", outcome.Error, StringComparison.Ordinal);
        await using var check = archive.NewContext();
        Assert.Equal(0, await check.Works.CountAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Suggested_characters_map_to_existing_tags_by_normalised_name(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var tag = new Tag { Name = "MIRA", NormalizedName = TagName.Normalize("MIRA"), Type = TagType.Character, CreatedAt = archive.Clock.GetUtcNow().UtcDateTime };
        archive.Db.Tags.Add(tag);
        await archive.Db.SaveChangesAsync();
        var work = Fixtures.Import("labelled-front-matter.txt");

        await SuggestTags.MapToExistingTagsAsync(archive.Db, work);

        Assert.Equal(tag.Id, work.Suggestions.Characters.Single(c => c.Name == "Mira").TagId);
        Assert.Null(work.Suggestions.Characters.Single(c => c.Name == "Tobias").TagId);
    }
}
