using Makimono.Accounts;
using Makimono.Changes;
using Makimono.Hosting;
using Makimono.Responses.Bookmarks;
using Makimono.Search;
using Makimono.Tests.Database;
using Makimono.Tests.Search;
using Makimono.Tests.Tags;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Responses;

[Collection(DatabaseCollection.Name)]
public sealed class BookmarkTests(TestDatabases databases)
{
    private static BookmarkInput Input(string? note = null, string? tags = null, bool isPrivate = false, bool rec = false) =>
        new(note, tags, isPrivate, rec, null);

    private static async Task<Bookmark> SavedAsync(TestArchive archive, User user, int workId, BookmarkInput input)
    {
        var outcome = await SaveBookmark.ForWorkAsync(archive.Db, archive.Clock, user.AsViewer(), workId, input, CancellationToken.None);
        Assert.True(outcome.Saved, string.Join("; ", outcome.Errors.Values));
        return outcome.Bookmark!;
    }

    private static async Task<int> CountOfAsync(TestArchive archive, int workId)
    {
        await using var db = archive.NewContext();
        return await db.Works.Where(w => w.Id == workId).Select(w => w.BookmarkCount).SingleAsync();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Bookmarking_again_edits_the_one_bookmark_and_its_tags(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var reader = await archive.CreateUserAsync("Hana");
        var work = await archive.SaveWorkAsync(author);

        var first = await SavedAsync(archive, reader, work.Id, Input("Loved it", "comfort read, Slow Burn"));
        archive.Clock.Advance(TimeSpan.FromHours(1));
        var second = await SavedAsync(archive, reader, work.Id, Input("Loved it <script>alert(1)</script>more", "slow burn, to reread", rec: true));

        Assert.Equal(first.Id, second.Id);
        await using var db = archive.NewContext();
        var stored = await db.Bookmarks.Include(b => b.Tags).SingleAsync();
        Assert.True(stored.IsRec);
        Assert.DoesNotContain("script", stored.Note);
        Assert.Contains("Loved it", stored.Note);
        Assert.Equal(["slow burn", "to reread"], stored.Tags.OrderBy(t => t.Position).Select(t => t.Name));
        Assert.True(stored.UpdatedAt > stored.CreatedAt);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_work_counts_public_bookmarks_only_as_they_come_change_and_go(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var a = await archive.CreateUserAsync("Hana");
        var b = await archive.CreateUserAsync("Yuki");
        var work = await archive.SaveWorkAsync(author);

        await SavedAsync(archive, a, work.Id, Input());
        Assert.Equal(1, await CountOfAsync(archive, work.Id));
        var secret = await SavedAsync(archive, b, work.Id, Input(isPrivate: true));
        Assert.Equal(1, await CountOfAsync(archive, work.Id));
        await SavedAsync(archive, a, work.Id, Input(isPrivate: true));
        Assert.Equal(0, await CountOfAsync(archive, work.Id));
        await SavedAsync(archive, b, work.Id, Input(note: "now public"));
        Assert.Equal(1, await CountOfAsync(archive, work.Id));
        Assert.True(await SaveBookmark.DeleteAsync(archive.Db, b.AsViewer(), secret.Id, CancellationToken.None));
        Assert.Equal(0, await CountOfAsync(archive, work.Id));
        // Someone else's bookmark is not theirs to delete.
        var kept = await SavedAsync(archive, a, work.Id, Input());
        Assert.False(await SaveBookmark.DeleteAsync(archive.Db, b.AsViewer(), kept.Id, CancellationToken.None));
        Assert.Equal(1, await CountOfAsync(archive, work.Id));
        await using var db = archive.NewContext();
        Assert.Equal(await db.Bookmarks.CountAsync(x => x.WorkId == work.Id && !x.IsPrivate), await CountOfAsync(archive, work.Id));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Only_posted_works_the_bookmarker_may_read_can_be_bookmarked(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var reader = await archive.CreateUserAsync("Hana");
        var draft = await archive.SaveWorkAsync(author, post: false);
        var hidden = await archive.SaveWorkAsync(author);
        hidden.IsHidden = true;
        await archive.Db.SaveChangesAsync();
        var restricted = await archive.SaveWorkAsync(author, f => f.IsRestricted = true);

        foreach (var (viewer, id) in new[] { (reader.AsViewer(), draft.Id), (author.AsViewer(), draft.Id), (reader.AsViewer(), hidden.Id), (Viewer.Guest, restricted.Id), (reader.AsViewer(), 999_999) })
        {
            var outcome = await SaveBookmark.ForWorkAsync(archive.Db, archive.Clock, viewer, id, Input(), CancellationToken.None);
            Assert.False(outcome.Saved, $"{viewer} bookmarked work {id}");
        }
        Assert.True((await SaveBookmark.ForWorkAsync(archive.Db, archive.Clock, reader.AsViewer(), restricted.Id, Input(), CancellationToken.None)).Saved);
        await using var db = archive.NewContext();
        Assert.Equal([restricted.Id], await db.Bookmarks.Select(b => b.WorkId!.Value).ToListAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Bad_notes_and_tags_are_refused_with_the_field_named_and_nothing_saved(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var reader = await archive.CreateUserAsync("Hana");
        var work = await archive.SaveWorkAsync(author);

        var tooLong = await SaveBookmark.ForWorkAsync(archive.Db, archive.Clock, reader.AsViewer(), work.Id,
            Input(new string('a', Limits.BookmarkNoteMax + 1)), CancellationToken.None);
        Assert.Contains("at most 5,000", tooLong.Errors["Note"]);
        var badTag = await SaveBookmark.ForWorkAsync(archive.Db, archive.Clock, reader.AsViewer(), work.Id, Input(tags: "fine, a<b"), CancellationToken.None);
        Assert.Contains("'<'", badTag.Errors["Tags"]);
        var otherPseud = await SaveBookmark.ForWorkAsync(archive.Db, archive.Clock, reader.AsViewer(), work.Id,
            new BookmarkInput(null, null, false, false, author.Pseuds[0].Id), CancellationToken.None);
        Assert.True(otherPseud.Errors.ContainsKey("PseudId"));
        await using var db = archive.NewContext();
        Assert.Equal(0, await db.Bookmarks.CountAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Viewers_see_public_bookmarks_and_their_own_private_ones_of_works_they_may_read(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var reader = await archive.CreateUserAsync("Hana");
        var other = await archive.CreateUserAsync("Yuki");
        var admin = await archive.CreateUserAsync("Boss", isAdmin: true);
        var open = await archive.SaveWorkAsync(author, f => { f.Title = "Open"; f.SeriesTitles = "Saga"; });
        var restricted = await archive.SaveWorkAsync(author, f => f.IsRestricted = true);
        var toHide = await archive.SaveWorkAsync(author);
        var publicOpen = await SavedAsync(archive, reader, open.Id, Input());
        var privateOpen = await SavedAsync(archive, other, open.Id, Input(isPrivate: true));
        var ofRestricted = await SavedAsync(archive, reader, restricted.Id, Input());
        var ofHidden = await SavedAsync(archive, reader, toHide.Id, Input());
        var seriesId = await archive.Db.Series.Select(s => s.Id).SingleAsync();
        var ofSeries = (await SaveBookmark.ForSeriesAsync(archive.Db, archive.Clock, reader.AsViewer(), seriesId, Input(), CancellationToken.None)).Bookmark!;
        toHide.IsHidden = true;
        await archive.Db.SaveChangesAsync();

        async Task<int[]> Seen(Viewer viewer)
        {
            await using var db = archive.NewContext();
            return (await db.Bookmarks.VisibleTo(db, viewer).Select(b => b.Id).ToListAsync()).Order().ToArray();
        }
        Assert.Equal(new[] { publicOpen.Id, ofSeries.Id }.Order(), await Seen(Viewer.Guest));
        Assert.Equal(new[] { publicOpen.Id, ofRestricted.Id, ofSeries.Id }.Order(), await Seen(reader.AsViewer()));
        Assert.Equal(new[] { publicOpen.Id, privateOpen.Id, ofRestricted.Id, ofSeries.Id }.Order(), await Seen(other.AsViewer()));
        // Admins read hidden works, so they see bookmarks of them; never another user's private bookmark.
        Assert.Equal(new[] { publicOpen.Id, ofRestricted.Id, ofHidden.Id, ofSeries.Id }.Order(), await Seen(admin.AsViewer()));
        // The series' one work hidden: the series and its bookmark are gone for those who may not read it.
        open.IsHidden = true;
        await archive.Db.SaveChangesAsync();
        Assert.Empty(await Seen(Viewer.Guest));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_bookmark_is_logged_as_a_response_and_its_count_reaches_the_search_index(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Kiri");
        var reader = await archive.CreateUserAsync("Hana");
        var work = await archive.SaveWorkAsync(author);
        using var index = await TestIndex.OpenAsync(archive);
        var before = await ChangeCursor.LatestIdAsync(archive.NewContext());

        var bookmark = await SavedAsync(archive, reader, work.Id, Input());
        await using (var db = archive.NewContext())
        {
            var rows = await db.ArchiveChanges.Where(c => c.Id > before).ToListAsync();
            Assert.Contains(rows, r => r.Subject == ChangeSubject.Bookmark && r.SubjectId == bookmark.Id);
            Assert.Contains(rows, r => r.WorkId == work.Id);
        }
        await index.Updater.CatchUpAsync(CancellationToken.None);
        Assert.Equal([work.Id], index.Find(new WorkQuery { Bookmarks = new(1, null) }).WorkIds);

        var beforeDelete = await ChangeCursor.LatestIdAsync(archive.NewContext());
        Assert.True(await SaveBookmark.DeleteAsync(archive.Db, reader.AsViewer(), bookmark.Id, CancellationToken.None));
        await using (var db = archive.NewContext())
        {
            Assert.Contains(await db.ArchiveChanges.Where(c => c.Id > beforeDelete).ToListAsync(),
                r => r.Subject == ChangeSubject.Bookmark && r.SubjectId == bookmark.Id);
        }
        await index.Updater.CatchUpAsync(CancellationToken.None);
        Assert.Empty(index.Find(new WorkQuery { Bookmarks = new(1, null) }).WorkIds);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Two_saves_of_a_new_bookmark_at_once_leave_one_bookmark_counted_once(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider, sqliteFile: true);
        var author = await archive.CreateUserAsync("Kiri");
        var reader = await archive.CreateUserAsync("Hana");
        var work = await archive.SaveWorkAsync(author);

        var saves = Enumerable.Range(0, 4).Select(async i =>
        {
            await using var db = archive.NewContext();
            return await SaveBookmark.ForWorkAsync(db, archive.Clock, reader.AsViewer(), work.Id, Input($"note {i}"), CancellationToken.None);
        }).ToList();
        var outcomes = await Task.WhenAll(saves);

        Assert.All(outcomes, o => Assert.True(o.Saved));
        await using var check = archive.NewContext();
        Assert.Equal(1, await check.Bookmarks.CountAsync());
        Assert.Equal(1, await CountOfAsync(archive, work.Id));
    }
}
