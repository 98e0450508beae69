using System.Xml.Linq;
using Makimono.Accounts;
using Makimono.Feeds;
using Makimono.Feeds.Opds;
using Makimono.Hosting;
using Makimono.Search;
using Makimono.Tests.Database;
using Makimono.Tests.Works;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Feeds;

/// <summary>The catalog's queries (search, facet counts, fandom counts) and app passwords on SQLite and on PostgreSQL.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class OpdsQueryTests(TestDatabases databases)
{
    private static readonly FeedLinks Links = new("http://archive.example");

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Search_matches_title_summary_and_tags_in_any_case_among_visible_works_only(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        await archive.SaveWorkAsync(author, f => f.Title = "The LANTERN Festival");
        await archive.SaveWorkAsync(author, f => (f.Title, f.Summary) = ("Night Market", "<p>Paper lanterns everywhere.</p>"));
        await archive.SaveWorkAsync(author, f => (f.Title, f.Freeforms) = ("Tagged", "Lantern Light"));
        await archive.SaveWorkAsync(author, f => (f.Title, f.IsRestricted) = ("Restricted Lantern", true));
        await archive.SaveWorkAsync(author, f => f.Title = "Draft Lantern", post: false);
        await archive.SaveWorkAsync(author, f => f.Title = "Unrelated");

        await using var db = archive.NewContext();
        // The catalog's search is the listing search; this is its database answer (the index's is compared with it in
        // Search.DatabaseTextAgreementTests).
        async Task<string[]> Found(Viewer viewer)
        {
            var found = await new DatabaseWorkSearch(db).FindAsync(new WorkQuery { Text = "lantern", Sort = WorkSort.Title, Descending = false }, viewer, ViewerFilters.None, default);
            return [.. await db.Works.Where(w => found.WorkIds.Contains(w.Id)).OrderBy(w => w.Title).Select(w => w.Title).ToListAsync()];
        }
        Assert.Equal(["Night Market", "Tagged", "The LANTERN Festival"], await Found(Viewer.Guest));
        var reader = await archive.CreateUserAsync("Hana");
        Assert.Equal(["Night Market", "Restricted Lantern", "Tagged", "The LANTERN Festival"], await Found(TestArchive.ViewerFor(reader)));
        Assert.Contains("Draft Lantern", await Found(TestArchive.ViewerFor(author)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Fandom_counts_are_exact_and_leave_out_what_the_viewer_may_not_see(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        await archive.SaveWorkAsync(author, f => (f.Title, f.RatingId) = ("Mature one", 4));
        await archive.SaveWorkAsync(author, f => (f.Title, f.ExpectedChapters) = ("Complete one", "1"));
        await archive.SaveWorkAsync(author, f => f.Title = "Plain one");
        await archive.SaveWorkAsync(author, f => (f.Title, f.RatingId, f.IsRestricted) = ("Restricted mature", 4, true));
        await archive.SaveWorkAsync(author, f => (f.Title, f.RatingId) = ("Draft mature", 4), post: false);
        var hidden = await archive.SaveWorkAsync(author, f => (f.Title, f.RatingId) = ("Hidden mature", 4));
        await archive.Db.Works.Where(w => w.Id == hidden.Id).ExecuteUpdateAsync(u => u.SetProperty(w => w.IsHidden, true));
        await archive.SaveWorkAsync(author, f => (f.Title, f.Fandoms, f.IsRestricted) = ("Members fandom work", "Members Fandom", true));
        await archive.SaveWorkAsync(author, f => (f.Title, f.Fandoms) = ("Draft fandom work", "Draft Fandom"), post: false);
        await archive.Db.Tags.Where(t => t.Name == "Original Work" || t.Name == "Members Fandom" || t.Name == "Draft Fandom")
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.IsCanonical, true));

        await using var db = archive.NewContext();
        var ids = await FeedIds.LoadAsync(db);
        var reader = await archive.CreateUserAsync("Hana");
        var fandoms = await OpdsCatalog.FandomsAsync(db, Viewer.Guest, 1, ids, Links);
        var originalWork = fandoms.Elements(Atom.Ns + "entry").Single(e => e.Element(Atom.Ns + "title")!.Value == "Original Work");
        Assert.Equal("3", originalWork.Element(Atom.Ns + "link")!.Attribute(Atom.Thread + "count")!.Value);
        // A fandom whose only works are restricted or drafts is not listed for a guest; a member sees the restricted one.
        Assert.Equal(["Original Work"], fandoms.Elements(Atom.Ns + "entry").Select(e => e.Element(Atom.Ns + "title")!.Value));
        var memberFandoms = await OpdsCatalog.FandomsAsync(db, TestArchive.ViewerFor(reader), 1, ids, Links);
        Assert.Equal(["Members Fandom", "Original Work"], memberFandoms.Elements(Atom.Ns + "entry").Select(e => e.Element(Atom.Ns + "title")!.Value));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_app_password_verifies_only_for_its_user_and_never_the_account_password(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var kiri = await archive.CreateUserAsync("Kiri");
        await archive.CreateUserAsync("Hana");
        var created = await AppPasswords.CreateAsync(archive.Db, archive.Clock, kiri.Id, "Kobo");
        await using var db = archive.NewContext();
        Assert.Equal(kiri.Id, (await AppPasswords.VerifyAsync(db, archive.Clock, "kiri", created.Password))?.Id);
        Assert.Null(await AppPasswords.VerifyAsync(db, archive.Clock, "Hana", created.Password));
        Assert.Null(await AppPasswords.VerifyAsync(db, archive.Clock, "Kiri", TestArchive.Password));
        Assert.Null(await AppPasswords.VerifyAsync(db, archive.Clock, "Kiri", created.Password.ToUpperInvariant()));
        Assert.Equal(archive.Clock.GetUtcNow().UtcDateTime, (await db.AppPasswords.AsNoTracking().SingleAsync()).LastUsedAt);
        Assert.True(await AppPasswords.RevokeAsync(db, kiri.Id, created.Record.Id));
        Assert.Null(await AppPasswords.VerifyAsync(db, archive.Clock, "Kiri", created.Password));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_archive_id_is_made_once_and_feed_ids_are_version_5_uuids_of_it(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var first = await FeedIds.LoadAsync(archive.NewContext());
        var again = await FeedIds.LoadAsync(archive.NewContext());
        Assert.Equal(first.ArchiveId, again.ArchiveId);
        Assert.Equal(first.Work(12), again.Work(12));
        Assert.NotEqual(first.Work(12), first.Work(13));
        Assert.NotEqual(first.Work(12), new FeedIds(Guid.NewGuid()).Work(12));
        // RFC 9562's construction, checked against Python's uuid.uuid5(NAMESPACE_DNS, "www.example.com").
        Assert.Equal("urn:uuid:2ed6657d-e927-568b-95e1-2665a8aea6a2", new FeedIds(Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8")).For("www.example.com"));
    }
}
