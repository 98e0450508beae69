using Makimono.Accounts;
using Makimono.Hosting;
using Makimono.Inbox;
using Makimono.Search;
using Makimono.Tests.Database;
using Makimono.Tests.Works;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using static Makimono.Tests.Inbox.InboxTestRuns;

namespace Makimono.Tests.Inbox;

/// <summary>Each kind of subscription news, as the worker's pass writes it from the change log.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class SubscriptionNewsTests(TestDatabases databases)
{
    private static async Task<Chapter> AddChapterAsync(TestArchive archive, Work work, bool post = true)
    {
        archive.Clock.Advance(TimeSpan.FromMinutes(1));
        var (chapter, errors) = await ChapterEditing.AddAsync(archive.Db, archive.Clock, work, Forms.Chapter("The dragon came back."), post, acceptRemovals: false);
        Assert.False(errors.Any);
        return chapter!;
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_chapter_posted_after_subscribing_reaches_each_subscriber_once_and_never_its_author(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var reader = await archive.CreateUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author);
        var pass = await StartedPassAsync(archive);
        await SubscribeAsync(archive, reader, SubscriptionTarget.Work, work.Id);
        await SubscribeAsync(archive, author, SubscriptionTarget.Work, work.Id);

        var draft = await AddChapterAsync(archive, work, post: false);
        Assert.Equal(0, await pass.RunAsync(archive));
        var posted = await AddChapterAsync(archive, work);
        Assert.Equal(1, await pass.RunAsync(archive));
        Assert.Equal(0, await pass.RunAsync(archive));

        var item = Assert.Single(await ItemsOfAsync(archive, reader.Id));
        Assert.Equal((InboxKind.NewChapter, work.Id, (long)posted.Id, (DateTime?)null), (item.Kind, item.WorkId, item.SourceId, item.ReadAt));
        Assert.Empty(await ItemsOfAsync(archive, author.Id));

        // The draft chapter is news once it is posted.
        archive.Clock.Advance(TimeSpan.FromMinutes(1));
        var form = Forms.Chapter("Now posted.");
        form.Version = draft.Version;
        Assert.False((await ChapterEditing.UpdateAsync(archive.Db, archive.Clock, work, draft, form, post: true, acceptRemovals: false)).Any);
        await pass.RunAsync(archive);
        Assert.Equal([posted.Id, draft.Id], (await ItemsOfAsync(archive, reader.Id)).Select(i => (int)i.SourceId));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_subscribed_users_new_work_is_told_only_once_the_subscriber_may_read_it(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var reader = await archive.CreateUserAsync("Reader");
        var admin = await archive.CreateUserAsync("Admin", isAdmin: true);
        var old = await archive.SaveWorkAsync(author, f => f.Title = "Posted before");
        var pass = await StartedPassAsync(archive);
        await SubscribeAsync(archive, reader, SubscriptionTarget.User, author.Id);
        await SubscribeAsync(archive, admin, SubscriptionTarget.User, author.Id);
        archive.Clock.Advance(TimeSpan.FromMinutes(1));

        // An edit of an old work is not a new work; a draft is nobody's news.
        var stored = await archive.Db.Works.SingleAsync(w => w.Id == old.Id);
        stored.Summary = "Edited.";
        await archive.Db.SaveChangesAsync();
        var draft = await archive.SaveWorkAsync(author, f => f.Title = "A draft", post: false);
        await pass.RunAsync(archive);
        Assert.Empty(await ItemsOfAsync(archive, reader.Id));

        // Hidden by an admin before the worker saw it: admins may read it, the reader may not yet.
        var hidden = await archive.SaveWorkAsync(author, f => f.Title = "Hidden");
        hidden.IsHidden = true;
        await archive.Db.SaveChangesAsync();
        await pass.RunAsync(archive);
        Assert.Empty(await ItemsOfAsync(archive, reader.Id));
        Assert.Equal([(InboxKind.NewWork, hidden.Id)], (await ItemsOfAsync(archive, admin.Id)).Select(i => (i.Kind, i.WorkId)));

        hidden.IsHidden = false;
        await archive.Db.SaveChangesAsync();
        await SaveWork.PostDraftAsync(archive.Db, archive.Clock, draft);
        await pass.RunAsync(archive);
        Assert.Equal(new[] { hidden.Id, draft.Id }.Order(), (await ItemsOfAsync(archive, reader.Id)).Select(i => i.WorkId).Order());
        Assert.All(await ItemsOfAsync(archive, reader.Id), i => Assert.Equal(InboxKind.NewWork, i.Kind));
        Assert.Empty(await ItemsOfAsync(archive, author.Id));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Only_what_the_viewer_may_see_can_be_followed(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var reader = await archive.CreateUserAsync("Reader");
        var draft = await archive.SaveWorkAsync(author, f => f.SeriesTitles = "Draft Saga", post: false);
        var restricted = await archive.SaveWorkAsync(author, f => f.IsRestricted = true);
        var seriesId = await archive.Db.SeriesWorks.Where(sw => sw.WorkId == draft.Id).Select(sw => sw.SeriesId).SingleAsync();
        var othersSearch = await SavedSearches.SaveAsync(archive.Db, archive.Clock, author.Id, "Mine", "q=dragon", CancellationToken.None);
        var ct = CancellationToken.None;

        await using var db = archive.NewContext();
        var asReader = TestArchive.ViewerFor(reader);
        Assert.False(await Subscriptions.SubscribeAsync(db, archive.Clock, asReader, new(SubscriptionTarget.Work, draft.Id), ct));
        Assert.False(await Subscriptions.SubscribeAsync(db, archive.Clock, asReader, new(SubscriptionTarget.Series, seriesId), ct));
        Assert.False(await Subscriptions.SubscribeAsync(db, archive.Clock, asReader, new(SubscriptionTarget.SavedSearch, othersSearch.Id), ct));
        Assert.False(await Subscriptions.SubscribeAsync(db, archive.Clock, asReader, new(SubscriptionTarget.User, reader.Id), ct));
        Assert.False(await Subscriptions.SubscribeAsync(db, archive.Clock, Viewer.Guest, new(SubscriptionTarget.Work, restricted.Id), ct));
        Assert.Empty(await db.Subscriptions.ToListAsync());

        Assert.True(await Subscriptions.SubscribeAsync(db, archive.Clock, asReader, new(SubscriptionTarget.Work, restricted.Id), ct));
        Assert.True(await Subscriptions.SubscribeAsync(db, archive.Clock, asReader, new(SubscriptionTarget.Work, restricted.Id), ct));
        Assert.Single(await db.Subscriptions.ToListAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_new_part_of_a_subscribed_series_is_news_when_posted_or_when_an_older_work_joins(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var reader = await archive.CreateUserAsync("Reader");
        var first = await archive.SaveWorkAsync(author, f => { f.Title = "Part one"; f.SeriesTitles = "Saga"; });
        var older = await archive.SaveWorkAsync(author, f => f.Title = "Older, not in the series yet");
        var seriesId = await archive.Db.SeriesWorks.Where(sw => sw.WorkId == first.Id).Select(sw => sw.SeriesId).SingleAsync();
        var pass = await StartedPassAsync(archive);
        await SubscribeAsync(archive, reader, SubscriptionTarget.Series, seriesId);
        archive.Clock.Advance(TimeSpan.FromMinutes(1));

        var second = await archive.SaveWorkAsync(author, f => { f.Title = "Part two"; f.SeriesTitles = "Saga"; });
        await pass.RunAsync(archive);
        Assert.Equal([(InboxKind.NewSeriesPart, second.Id, (long)seriesId)], (await ItemsOfAsync(archive, reader.Id)).Select(i => (i.Kind, i.WorkId, i.SourceId)));

        var form = new WorkForm();
        var loaded = await archive.LoadWorkAsync(archive.Db, older.Id);
        SaveWork.FillForm(form, loaded, author.Id);
        form.SeriesTitles = "Saga";
        Assert.False((await SaveWork.UpdateAsync(archive.Db, archive.Clock, TestArchive.ViewerFor(author), loaded, form, acceptRemovals: false)).Any);
        await pass.RunAsync(archive);
        Assert.Equal([second.Id, older.Id], (await ItemsOfAsync(archive, reader.Id)).Select(i => i.WorkId));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_subscribed_saved_search_tells_of_new_works_it_finds_with_the_subscribers_own_filters(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var muted = await archive.CreateUserAsync("Muted");
        var reader = await archive.CreateUserAsync("Reader");
        await archive.SaveWorkAsync(author, f => f.Title = "Dragon of old");
        var search = await SavedSearches.SaveAsync(archive.Db, archive.Clock, reader.Id, "Dragons", "q=dragon", CancellationToken.None);
        Assert.True(await ViewerPreferences.SetMutedAsync(archive.Db, archive.Clock, reader.Id, muted.Id, mute: true, CancellationToken.None));
        var pass = await StartedPassAsync(archive);
        await SubscribeAsync(archive, reader, SubscriptionTarget.SavedSearch, search.Id);
        archive.Clock.Advance(TimeSpan.FromMinutes(1));

        var match = await archive.SaveWorkAsync(author, f => { f.Title = "The dragon returns"; f.Summary = "Wings."; });
        await archive.SaveWorkAsync(author, f => { f.Title = "A quiet pond"; f.Summary = "Frogs."; });
        await archive.SaveWorkAsync(muted, f => { f.Title = "Dragon by a muted author"; f.Summary = "Scales."; });
        await pass.RunAsync(archive);

        var item = Assert.Single(await ItemsOfAsync(archive, reader.Id));
        Assert.Equal((InboxKind.SavedSearchMatch, match.Id, (long)search.Id), (item.Kind, item.WorkId, item.SourceId));
    }
}
