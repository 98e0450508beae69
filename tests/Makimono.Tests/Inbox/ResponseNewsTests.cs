using Makimono.Accounts;
using Makimono.Hosting;
using Makimono.Inbox;
using Makimono.Responses.Blocking;
using Makimono.Responses.Comments;
using Makimono.Responses.Kudos;
using Makimono.Tests.Database;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;
using static Makimono.Tests.Inbox.InboxTestRuns;

namespace Makimono.Tests.Inbox;

/// <summary>
/// Comments, replies and kudos reaching the inbox through the change log. The responses are stored as the comment and
/// kudos pages store them (tracked saves, so the log records each); which may be posted is those pages' rule.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ResponseNewsTests(TestDatabases databases)
{
    private static async Task<Comment> CommentAsync(TestArchive archive, Work work, User? user, Comment? parent = null, CommentState state = CommentState.Published)
    {
        archive.Clock.Advance(TimeSpan.FromMinutes(1));
        await using var db = archive.NewContext();
        var pseudId = user is null ? (int?)null : await db.Pseuds.Where(p => p.UserId == user.Id && p.IsDefault).Select(p => p.Id).SingleAsync();
        var comment = new Comment
        {
            WorkId = work.Id,
            ChapterId = work.Chapters[0].Id,
            ParentId = parent?.Id,
            ThreadId = parent is null ? null : parent.ThreadId ?? parent.Id,
            Depth = parent is null ? 1 : parent.Depth + 1,
            UserId = user?.Id,
            PseudId = pseudId,
            GuestName = user is null ? "Passing Guest" : null,
            GuestEmail = user is null ? "guest@example.org" : null,
            Body = $"<p>Words from {user?.UserName ?? "a guest"}.</p>",
            CreatedAt = archive.Clock.GetUtcNow().UtcDateTime,
            State = state,
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync();
        return comment;
    }

    private static async Task KudosAsync(TestArchive archive, Work work, User? user, string? guestKey = null)
    {
        await using var db = archive.NewContext();
        db.Kudos.Add(new Kudos { WorkId = work.Id, UserId = user?.Id, GuestKey = user is null ? guestKey : null, CreatedAt = archive.Clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
    }

    private static async Task<List<(InboxKind Kind, long SourceId, int? Actor)>> InboxOfAsync(TestArchive archive, User user) =>
        (await ItemsOfAsync(archive, user.Id)).Select(i => (i.Kind, i.SourceId, i.ActorUserId)).ToList();

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Comments_reach_the_works_creators_and_replies_the_comments_author_but_never_the_one_who_wrote_them(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var reader = await archive.CreateUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author);
        var pass = await StartedPassAsync(archive);

        var first = await CommentAsync(archive, work, reader);
        var guest = await CommentAsync(archive, work, user: null);
        var reply = await CommentAsync(archive, work, author, parent: first);
        var answer = await CommentAsync(archive, work, reader, parent: reply);
        await pass.RunAsync(archive);

        // The author hears of the reader's comment, the guest's, and of the reader's answer once, as a reply.
        Assert.Equal([(InboxKind.CommentOnMyWork, first.Id, reader.Id), (InboxKind.CommentOnMyWork, guest.Id, null), (InboxKind.ReplyToMyComment, answer.Id, reader.Id)],
            (await InboxOfAsync(archive, author)).Select(i => (i.Kind, (int)i.SourceId, i.Actor)).OrderBy(i => i.Item2).ToList());
        Assert.Equal([(InboxKind.ReplyToMyComment, (long)reply.Id, (int?)author.Id)], await InboxOfAsync(archive, reader));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_held_comment_tells_nobody_until_it_is_approved_and_a_deleted_one_takes_its_item_away(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var reader = await archive.CreateUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author);
        var pass = await StartedPassAsync(archive);

        var held = await CommentAsync(archive, work, reader, state: CommentState.Held);
        await pass.RunAsync(archive);
        Assert.Empty(await InboxOfAsync(archive, author));

        await using (var db = archive.NewContext())
        {
            (await db.Comments.SingleAsync(c => c.Id == held.Id)).State = CommentState.Published;
            await db.SaveChangesAsync();
        }
        await pass.RunAsync(archive);
        Assert.Equal([(InboxKind.CommentOnMyWork, (long)held.Id, (int?)reader.Id)], await InboxOfAsync(archive, author));

        await using (var db = archive.NewContext())
        {
            var stored = await db.Comments.SingleAsync(c => c.Id == held.Id);
            stored.State = CommentState.Deleted;
            stored.Body = string.Empty;
            await db.SaveChangesAsync();
        }
        await pass.RunAsync(archive);
        Assert.Empty(await InboxOfAsync(archive, author));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Three_hundred_kudos_are_one_line_of_the_authors_inbox(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var reader = await archive.CreateUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author, f => f.Title = "Much Loved");
        var other = await archive.SaveWorkAsync(author, f => f.Title = "Also Loved");
        var pass = await StartedPassAsync(archive);

        await KudosAsync(archive, work, reader);
        for (var i = 0; i < 299; i++)
        {
            await KudosAsync(archive, work, user: null, guestKey: $"guest-{i:D3}".PadRight(Kudos.GuestKeyLength, 'x'));
        }
        archive.Clock.Advance(TimeSpan.FromMinutes(1));
        await KudosAsync(archive, other, reader);
        await pass.RunAsync(archive);

        await using var db = archive.NewContext();
        var (page, names) = await InboxListing.PageAsync(db, TestArchive.ViewerFor(author), 1, CancellationToken.None);
        Assert.Equal(2, page.TotalCount);
        var loved = page.Items.Single(g => g.WorkId == work.Id);
        var line = Assert.Single(loved.Lines);
        Assert.Equal((InboxKind.Kudos, 300, 300), (line.Kind, line.Count, line.Unread));
        Assert.Equal("300 people left kudos on Much Loved", InboxText.Of(loved, line, names));
        Assert.Equal("1 person left kudos on Also Loved", InboxText.Of(page.Items.Single(g => g.WorkId == other.Id), page.Items.Single(g => g.WorkId == other.Id).Lines[0], names));
        Assert.Equal(301, await InboxListing.UnreadCountAsync(db, TestArchive.ViewerFor(author), CancellationToken.None));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task What_a_blocked_user_does_never_reaches_the_blocker_and_blocking_hides_what_came_before(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var pest = await archive.CreateUserAsync("Pest");
        var friend = await archive.CreateUserAsync("Friend");
        var work = await archive.SaveWorkAsync(author);
        var pass = await StartedPassAsync(archive);
        await KudosAsync(archive, work, pest);
        await pass.RunAsync(archive);
        Assert.Single(await InboxOfAsync(archive, author));

        await using (var db = archive.NewContext())
        {
            db.UserBlocks.Add(new UserBlock { BlockerId = author.Id, BlockedId = pest.Id, CreatedAt = archive.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        await CommentAsync(archive, work, pest);
        await KudosAsync(archive, work, friend);
        await pass.RunAsync(archive);
        Assert.Equal([(InboxKind.Kudos, pest.Id), (InboxKind.Kudos, friend.Id)], (await InboxOfAsync(archive, author)).Select(i => (i.Kind, i.Actor!.Value)));

        // The inbox shows only the friend's kudos: the block hides the kudos the pest left before it.
        await using var check = archive.NewContext();
        var (page, names) = await InboxListing.PageAsync(check, TestArchive.ViewerFor(author), 1, CancellationToken.None);
        var group = Assert.Single(page.Items);
        Assert.Equal("1 person left kudos on The Quiet Village", InboxText.Of(group, Assert.Single(group.Lines), names));
        Assert.Equal(1, await InboxListing.UnreadCountAsync(check, TestArchive.ViewerFor(author), CancellationToken.None));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_reply_on_a_work_the_commenter_may_no_longer_read_does_not_reach_them(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateUserAsync("Author");
        var reader = await archive.CreateUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author);
        var first = await CommentAsync(archive, work, reader);
        var pass = await StartedPassAsync(archive);

        work.IsHidden = true;
        await archive.Db.SaveChangesAsync();
        await CommentAsync(archive, work, author, parent: first);
        await pass.RunAsync(archive);
        Assert.Empty(await InboxOfAsync(archive, reader));
    }
}
