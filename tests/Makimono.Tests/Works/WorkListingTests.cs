using Makimono.Accounts;
using Makimono.Database;
using Makimono.Hosting;
using Makimono.Search;
using Makimono.Tags;
using Makimono.Tests.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Works;

[Collection(DatabaseCollection.Name)]
public sealed class WorkListingTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Lists_twenty_works_a_page_newest_update_first(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var ids = new List<int>();
        for (var i = 1; i <= 25; i++)
        {
            archive.Clock.Advance(TimeSpan.FromMinutes(1));
            ids.Add((await archive.SaveWorkAsync(author, f => f.Title = $"Work {i}")).Id);
        }
        ids.Reverse();

        await using var check = archive.NewContext();
        var page1 = await ListAsync(check, new WorkQuery { Page = 1 });
        var page2 = await ListAsync(check, new WorkQuery { Page = 2 });

        Assert.Equal((25, 2, false, true), (page1.TotalCount, page1.PageCount, page1.HasPrevious, page1.HasNext));
        Assert.Equal(ids.Take(20), page1.Items.Select(w => w.Id));
        Assert.Equal((2, true, false), (page2.PageNumber, page2.HasPrevious, page2.HasNext));
        Assert.Equal(ids.Skip(20), page2.Items.Select(w => w.Id));
        Assert.Equal(1, (await ListAsync(check, new WorkQuery { Page = 0 })).PageNumber);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_updated_work_moves_to_the_top(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var older = await archive.SaveWorkAsync(author, f => f.Title = "Older");
        archive.Clock.Advance(TimeSpan.FromDays(1));
        var newer = await archive.SaveWorkAsync(author, f => f.Title = "Newer");
        archive.Clock.Advance(TimeSpan.FromDays(1));

        await using (var db = archive.NewContext())
        {
            var work = (await WorkQueries.FindEditableAsync(db, older.Id, TestArchive.ViewerFor(author)))!;
            await ChapterEditing.AddAsync(db, archive.Clock, work, Forms.Chapter("Another chapter of it."), post: true, acceptRemovals: false);
        }

        await using var check = archive.NewContext();
        var page = await ListAsync(check, new WorkQuery { Page = 1 });
        Assert.Equal([older.Id, newer.Id], page.Items.Select(w => w.Id));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Listings_apply_the_access_rules_and_credit_accepted_creators_only(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        await archive.CreateUserAsync("Hana");
        var open = await archive.SaveWorkAsync(author, f => f.CoCreators = "Hana");
        await archive.SaveWorkAsync(author, post: false);
        await archive.SaveWorkAsync(author, f => f.IsRestricted = true);

        await using var check = archive.NewContext();
        var page = await ListAsync(check, new WorkQuery { Page = 1 });

        var listed = Assert.Single(page.Items);
        Assert.Equal((open.Id, 1), (listed.Id, page.TotalCount));
        Assert.Equal(["Kiri"], listed.Creators.Select(c => c.Pseud.Name));
        Assert.Equal(["Original Work"], WorkListing.TagsOfType(listed, TagType.Fandom).Select(t => t.Name));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Tag_listings_find_works_by_tag_and_by_synonym(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var pokemon = await archive.SaveWorkAsync(author, f => f.Fandoms = "Pokémon");
        var synonym = await archive.SaveWorkAsync(author, f => f.Fandoms = "Pocket Monsters");
        await archive.SaveWorkAsync(author, f => f.Fandoms = "Digimon");
        var tags = await archive.Db.Tags.Where(t => t.Type == TagType.Fandom).ToDictionaryAsync(t => t.Name);
        tags["Pokémon"].IsCanonical = true;
        await archive.Db.SaveChangesAsync();
        var admin = await archive.CreateUserAsync("Admin", isAdmin: true);
        var merged = await Makimono.Tags.Wrangling.MergeTag.RunAsync(archive.Db, archive.Clock, TestArchive.ViewerFor(admin), tags["Pocket Monsters"].Id, tags["Pokémon"].Id);
        Assert.True(merged.Succeeded, merged.Error);

        await using var check = archive.NewContext();
        var page = await ListAsync(check, new WorkQuery { IncludeTagIds = [tags["Pokémon"].Id] });

        Assert.Equal([synonym.Id, pokemon.Id], page.Items.Select(w => w.Id));
        Assert.Equal(2, page.TotalCount);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task User_and_pseud_listings_show_accepted_creatorships(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");
        var hana = await archive.CreateUserAsync("Hana");
        var kiris = await archive.SaveWorkAsync(kiri, f => f.CoCreators = "Hana");
        var hanas = await archive.SaveWorkAsync(hana);
        var hanaPseud = await archive.Db.Pseuds.SingleAsync(p => p.UserId == hana.Id);

        await using var check = archive.NewContext();
        Assert.Equal([kiris.Id], await WorkListing.ByUser(check, kiri.Id).Select(w => w.Id).ToListAsync());
        Assert.Equal([hanas.Id], await WorkListing.ByUser(check, hana.Id).Select(w => w.Id).ToListAsync());
        Assert.Equal([hanas.Id], await WorkListing.ByPseud(check, hanaPseud.Id).Select(w => w.Id).ToListAsync());
    }

    private static async Task<Page<Work>> ListAsync(ArchiveDbContext db, WorkQuery query) =>
        (await WorkListing.FindAsync(db, new DatabaseWorkSearch(db), query, Viewer.Guest, ViewerFilters.None)).Page;
}
