using Makimono.Inbox;
using Makimono.Search;
using Makimono.Tests.Database;
using Makimono.Web.WorkListings;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Inbox;

/// <summary>Runs inbox passes the way the worker does, each on a fresh context, and reads what they stored.</summary>
internal static class InboxTestRuns
{
    public static async Task<int> RunAsync(this InboxPass pass, TestArchive archive, params IInboxWorkerStep[] steps)
    {
        await using var db = archive.NewContext();
        return await pass.RunAsync(db, new Listings(db, new DatabaseWorkSearch(db)), steps, CancellationToken.None);
    }

    /// <summary>A pass that has taken its place in the log, as a worker that was running before the test's changes.</summary>
    public static async Task<InboxPass> StartedPassAsync(TestArchive archive)
    {
        var pass = new InboxPass(archive.Clock);
        await pass.RunAsync(archive);
        return pass;
    }

    public static async Task<List<InboxItem>> ItemsOfAsync(TestArchive archive, int userId)
    {
        await using var db = archive.NewContext();
        return await db.InboxItems.AsNoTracking().Where(i => i.RecipientUserId == userId).OrderBy(i => i.Id).ToListAsync();
    }

    public static async Task SubscribeAsync(TestArchive archive, Makimono.Accounts.User user, SubscriptionTarget target, int id)
    {
        await using var db = archive.NewContext();
        Assert.True(await Subscriptions.SubscribeAsync(db, archive.Clock, TestArchive.ViewerFor(user), new SubscriptionKey(target, id), CancellationToken.None));
    }
}
