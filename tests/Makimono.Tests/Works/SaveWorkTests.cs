using Makimono.Hosting;
using Makimono.Tags;
using Makimono.Tests.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Works;

[Collection(DatabaseCollection.Name)]
public sealed class SaveWorkTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Creates_a_posted_work_with_its_first_chapter(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");

        var saved = await archive.SaveWorkAsync(kiri, f => f.Title = "  The Quiet Village  ");

        await using var check = archive.NewContext();
        var work = await archive.LoadWorkAsync(check, saved.Id);
        Assert.Equal("The Quiet Village", work.Title);
        Assert.False(work.IsDraft);
        Assert.Equal(archive.Today, work.PublishedOn);
        Assert.Equal(TestArchive.Start.UtcDateTime, work.UpdatedAt);
        var chapter = Assert.Single(work.Chapters);
        Assert.Equal(1, chapter.Position);
        Assert.False(chapter.IsDraft);
        Assert.Equal(archive.Today, chapter.PublishedOn);
        Assert.Equal("<p>" + Forms.Body + "</p>", chapter.Body);
        Assert.Equal(Forms.BodyWords, chapter.WordCount);
        Assert.Equal(Forms.BodyWords, work.WordCount);
        Assert.Equal(1, work.PostedChapterCount);
        Assert.Null(work.ExpectedChapters);
        Assert.False(work.IsComplete);
        Assert.Equal("1/?", WorkStats.ChapterFraction(work));
        var creator = Assert.Single(work.Creators);
        Assert.True(creator.Accepted);
        Assert.True(creator.Pseud.IsDefault);
        Assert.Equal(kiri.Id, creator.Pseud.UserId);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Saving_a_draft_posts_nothing(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");

        var saved = await archive.SaveWorkAsync(kiri, post: false);

        await using var check = archive.NewContext();
        var work = await archive.LoadWorkAsync(check, saved.Id);
        Assert.True(work.IsDraft);
        Assert.True(Assert.Single(work.Chapters).IsDraft);
        Assert.Equal(0, work.PostedChapterCount);
        Assert.Equal(0, work.WordCount);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Tags_the_work_and_creates_new_tags_with_their_type(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");

        var saved = await archive.SaveWorkAsync(kiri, f =>
        {
            f.Fandoms = "Original Work, Pokémon";
            f.Characters = "Hana, Kiri";
            f.Relationships = "Hana/Kiri";
            f.Freeforms = "Fluff";
        });

        await using var check = archive.NewContext();
        var work = await archive.LoadWorkAsync(check, saved.Id);
        var tags = work.Tags.Select(t => (t.Tag.Type, t.Tag.Name)).Order().ToList();
        Assert.Equal(
            [
                (TagType.Rating, "General Audiences"),
                (TagType.ArchiveWarning, "No Archive Warnings Apply"),
                (TagType.Category, "Gen"),
                (TagType.Fandom, "Original Work"),
                (TagType.Fandom, "Pokémon"),
                (TagType.Relationship, "Hana/Kiri"),
                (TagType.Character, "Hana"),
                (TagType.Character, "Kiri"),
                (TagType.Freeform, "Fluff"),
            ],
            tags);
        var pokemon = await check.Tags.SingleAsync(t => t.Name == "Pokémon");
        Assert.Equal("pokemon", pokemon.NormalizedName);
        Assert.False(pokemon.IsCanonical);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reuses_an_existing_tag_written_differently(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");
        var first = await archive.SaveWorkAsync(kiri, f => f.Fandoms = "Pokémon");

        var second = await archive.SaveWorkAsync(kiri, f => f.Fandoms = "  POKEMON ");

        await using var check = archive.NewContext();
        var fandom = await check.Tags.SingleAsync(t => t.Type == TagType.Fandom);
        Assert.Equal("Pokémon", fandom.Name);
        Assert.Equal(
            [first.Id, second.Id],
            await check.WorkTags.Where(t => t.TagId == fandom.Id).Select(t => t.WorkId).Order().ToListAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Refuses_a_tag_name_that_exists_with_another_type(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");
        await archive.SaveWorkAsync(kiri, f => f.Characters = "Hana");
        var form = Forms.Work("Second");
        form.Freeforms = "hana";

        var (work, errors) = await SaveWork.CreateAsync(archive.Db, archive.Clock, kiri.Id, form, Forms.Chapter(), post: true, acceptRemovals: false);

        Assert.Null(work);
        var message = Assert.Single(errors.Fields, f => f.Key == "Work.Freeforms").Value;
        Assert.Contains("\"hana\" is already a character tag (\"Hana\")", message, StringComparison.Ordinal);
        await using var check = archive.NewContext();
        Assert.Equal(1, await check.Works.CountAsync());
    }

    /// <summary>FixedTags documents ids below FirstUserTagId as reserved, so that seeds added later never collide with user tags.</summary>
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task New_tags_get_ids_above_the_reserved_range(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");

        await archive.SaveWorkAsync(kiri, f => f.Fandoms = "Brand New Fandom");

        await using var check = archive.NewContext();
        var tag = await check.Tags.SingleAsync(t => t.Name == "Brand New Fandom");
        Assert.True(tag.Id >= FixedTags.FirstUserTagId, $"The new tag got id {tag.Id}, inside the range reserved for fixed tags.");
    }
}
