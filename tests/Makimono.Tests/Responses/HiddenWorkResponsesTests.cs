using Makimono.Hosting;
using Makimono.Inbox;
using Makimono.Responses.Bookmarks;
using Makimono.Responses.Comments;
using Makimono.Responses.Kudos;
using Makimono.Tests.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Responses;

/// <summary>
/// One rule for every response (WorkAccess.TakesResponsesFrom): a work an admin hid takes no new kudos, comments,
/// bookmarks or subscriptions from anyone, its creators and admins included, though both still read it; shown again,
/// it takes them from the same people.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class HiddenWorkResponsesTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_hidden_work_takes_no_new_response_from_its_creator_or_an_admin_until_shown_again(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateEstablishedUserAsync("Author");
        var admin = await archive.CreateEstablishedUserAsync("Admin");
        admin.IsAdmin = true;
        var reader = await archive.CreateEstablishedUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author, f => { f.WhoMayComment = CommentPermission.Everyone; f.SeriesTitles = "Saga"; });
        var seriesId = await archive.Db.Series.Select(s => s.Id).SingleAsync();
        work.IsHidden = true;
        await archive.Db.SaveChangesAsync();

        var comment = await archive.TryPostAsync(author, work, "A note from the author.");
        Assert.Equal(CommentOutcome.Refused, comment.Outcome);
        Assert.Contains("hidden", comment.Errors.Fields.Values.Single());
        Assert.Equal(CommentOutcome.Refused, (await archive.TryPostAsync(admin, work, "A note from the admin.")).Outcome);
        Assert.Equal(CommentOutcome.NotFound, (await archive.TryPostAsync(reader, work, "A reader's note.")).Outcome);
        foreach (var user in new[] { author, admin, reader })
        {
            var viewer = TestArchive.ViewerFor(user);
            Assert.False((await SaveBookmark.ForWorkAsync(archive.Db, archive.Clock, viewer, work.Id, Input, CancellationToken.None)).Saved);
            Assert.False((await SaveBookmark.ForSeriesAsync(archive.Db, archive.Clock, viewer, seriesId, Input, CancellationToken.None)).Saved);
        }
        Assert.Equal(KudosResult.NotFound, await LeaveKudos.RunAsync(archive.Db, archive.Clock, work.Id, TestArchive.ViewerFor(admin), null));
        Assert.False(await Subscriptions.SubscribeAsync(archive.Db, archive.Clock, TestArchive.ViewerFor(admin), new SubscriptionKey(SubscriptionTarget.Work, work.Id), CancellationToken.None));
        Assert.False(await Subscriptions.SubscribeAsync(archive.Db, archive.Clock, TestArchive.ViewerFor(reader), new SubscriptionKey(SubscriptionTarget.Series, seriesId), CancellationToken.None));
        Assert.Equal(0, await archive.Db.Comments.CountAsync());
        Assert.Equal(0, await archive.Db.Bookmarks.CountAsync());
        Assert.Equal(0, await archive.Db.Kudos.CountAsync());
        Assert.Equal(0, await archive.Db.Subscriptions.CountAsync());

        work.IsHidden = false;
        await archive.Db.SaveChangesAsync();
        await archive.PostCommentAsync(author, work, "A note from the author.");
        await archive.PostCommentAsync(admin, work, "A note from the admin.");
        Assert.True((await SaveBookmark.ForWorkAsync(archive.Db, archive.Clock, TestArchive.ViewerFor(admin), work.Id, Input, CancellationToken.None)).Saved);
        Assert.True((await SaveBookmark.ForWorkAsync(archive.Db, archive.Clock, TestArchive.ViewerFor(author), work.Id, Input, CancellationToken.None)).Saved);
        Assert.Equal(KudosResult.Left, await LeaveKudos.RunAsync(archive.Db, archive.Clock, work.Id, TestArchive.ViewerFor(admin), null));
        Assert.True(await Subscriptions.SubscribeAsync(archive.Db, archive.Clock, TestArchive.ViewerFor(admin), new SubscriptionKey(SubscriptionTarget.Work, work.Id), CancellationToken.None));
        Assert.True(await Subscriptions.SubscribeAsync(archive.Db, archive.Clock, TestArchive.ViewerFor(reader), new SubscriptionKey(SubscriptionTarget.Series, seriesId), CancellationToken.None));
    }

    private static readonly BookmarkInput Input = new(null, null, false, false, null);
}
