using Makimono.Database;
using Makimono.Hosting;
using Makimono.Tags;
using Makimono.Tags.Autocomplete;
using Makimono.Tags.Wrangling;
using Makimono.Tests.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Makimono.Tests.Tags;

[Collection(DatabaseCollection.Name)]
public sealed class TagAutocompleteTests(TestDatabases databases)
{
    private static TagAutocomplete For(TestArchive archive)
    {
        var services = new ServiceCollection().AddScoped<ArchiveDbContext>(_ => archive.NewContext()).BuildServiceProvider();
        return new TagAutocomplete(services.GetRequiredService<IServiceScopeFactory>(), archive.Clock, NullLogger<TagAutocomplete>.Instance);
    }

    private static async Task<List<string>> FindAsync(TagAutocomplete autocomplete, string term, TagType? type = null) =>
        (await autocomplete.IndexAsync()).Find(term, type).Select(s => s.Name).ToList();

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Tags_only_on_drafts_or_restricted_works_are_not_suggested_and_do_not_count(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        await archive.SaveWorkAsync(author, f => { f.Title = "Public"; f.Characters = "Ayame Public"; });
        await archive.SaveWorkAsync(author, f => { f.Title = "Draft"; f.Characters = "Ayame Draft, Ayame Public"; }, post: false);
        await archive.SaveWorkAsync(author, f => { f.Title = "Locked"; f.Characters = "Ayame Locked, Ayame Public"; f.IsRestricted = true; });

        var found = (await For(archive).IndexAsync()).Find("ayame");

        var only = Assert.Single(found);
        Assert.Equal("Ayame Public", only.Name);
        Assert.Equal(1, only.Uses);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Synonyms_follow_their_canonical_and_a_new_tag_appears_after_the_next_check(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var admin = await archive.CreateUserAsync("Admin", isAdmin: true);
        var canonical = await archive.TagAsync("Hatake Kakashi", TagType.Character);
        await archive.SaveWorkAsync(admin, f => { f.Title = "Short"; f.Characters = "Kakashi"; });
        var synonym = await archive.FindTagAsync("Kakashi");
        (await MergeTag.RunAsync(archive.Db, archive.Clock, admin.AsViewer(), synonym.Id, canonical.Id)).Ok();
        var autocomplete = For(archive);

        var found = (await autocomplete.IndexAsync()).Find("kaka", TagType.Character);
        Assert.Equal(["Hatake Kakashi", "Kakashi"], found.Select(s => s.Name));
        Assert.Equal("Hatake Kakashi", found[1].CanonicalName);

        await archive.TagAsync("Kakashi Gaiden", TagType.Fandom);
        await autocomplete.RefreshIfDueAsync();
        Assert.DoesNotContain("Kakashi Gaiden", await FindAsync(autocomplete, "kakashi"));

        archive.Clock.Advance(TagAutocomplete.CheckInterval);
        await autocomplete.RefreshIfDueAsync();
        Assert.Equal(["Kakashi Gaiden"], await FindAsync(autocomplete, "kakashi", TagType.Fandom));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Another_node_sees_a_draft_posted_on_this_one_though_no_tag_or_work_was_added(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var draft = await archive.SaveWorkAsync(author, f => { f.Title = "Later"; f.Characters = "Ayame Later"; }, post: false);
        var thisNode = For(archive);
        var otherNode = For(archive);
        Assert.Empty(await FindAsync(otherNode, "ayame"));

        // Posted through a context of this node, as a page would: its interceptor records the change for the others.
        await using (var db = archive.NewContext(new TagIndexChanges(thisNode)))
        {
            var work = await db.Works.Include(w => w.Chapters).SingleAsync(w => w.Id == draft.Id);
            await SaveWork.PostDraftAsync(db, archive.Clock, work);
        }
        archive.Clock.Advance(TagAutocomplete.CheckInterval);
        await otherNode.RefreshIfDueAsync();

        Assert.Equal(["Ayame Later"], await FindAsync(otherNode, "ayame"));
    }
}
