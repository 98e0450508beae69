using System.Net;
using Makimono.Hosting;
using Makimono.Responses.Blocking;
using Makimono.Responses.Kudos;
using Makimono.Responses.Comments;
using Makimono.Tests.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Responses;

[Collection(DatabaseCollection.Name)]
public sealed class CommentRulesTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Who_may_comment_follows_the_works_setting(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateEstablishedUserAsync("Author");
        var reader = await archive.CreateEstablishedUserAsync("Reader");
        var byDefault = await archive.SaveWorkAsync(author);
        var everyone = await archive.SaveWorkAsync(author, f => f.WhoMayComment = CommentPermission.Everyone);
        var nobody = await archive.SaveWorkAsync(author, f => f.WhoMayComment = CommentPermission.Nobody);

        Assert.Equal(CommentPermission.Users, byDefault.WhoMayComment);
        Assert.Equal(CommentOutcome.Saved, (await archive.TryPostAsync(reader, byDefault, "Users may")).Outcome);
        var guestOnDefault = await archive.TryPostAsync(null, byDefault, "Guests may not");
        Assert.Equal(CommentOutcome.Refused, guestOnDefault.Outcome);
        Assert.Contains("Only logged-in users", guestOnDefault.Errors.Fields[CommentResult.GeneralField]);

        Assert.Equal(CommentOutcome.Saved, (await archive.TryPostAsync(reader, everyone, "Users may")).Outcome);
        var guest = await archive.PostCommentAsync(null, everyone, "Guests may too");
        Assert.Equal("Passing Reader", guest.GuestName);
        Assert.Null(guest.UserId);
        // The address is kept only as its keyed hash, never as itself.
        Assert.Equal(await GuestKeys.ForAsync(archive.Db, CommentTestArchive.GuestAddress), guest.GuestAddressHash);
        Assert.DoesNotContain("203.0.113", guest.GuestAddressHash);

        foreach (var who in new[] { reader, author, null })
        {
            var refused = await archive.TryPostAsync(who, nobody, "Nobody may");
            Assert.Equal(CommentOutcome.Refused, refused.Outcome);
            Assert.Contains("turned comments off", refused.Errors.Fields[CommentResult.GeneralField]);
        }
        await using var check = archive.NewContext();
        Assert.Equal(0, await check.Comments.CountAsync(c => c.WorkId == nobody.Id || c.WorkId == byDefault.Id && c.UserId == null));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Nobody_comments_on_what_they_cannot_read(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateEstablishedUserAsync("Author");
        var reader = await archive.CreateEstablishedUserAsync("Reader");
        var restricted = await archive.SaveWorkAsync(author, f => { f.IsRestricted = true; f.WhoMayComment = CommentPermission.Everyone; });
        var draft = await archive.SaveWorkAsync(author, f => f.WhoMayComment = CommentPermission.Everyone, post: false);
        var hidden = await archive.SaveWorkAsync(author, f => f.WhoMayComment = CommentPermission.Everyone);
        hidden.IsHidden = true;
        await archive.Db.SaveChangesAsync();

        // A guest on a restricted work that allows everyone: the work is not theirs to read, so not to comment on.
        Assert.Equal(CommentOutcome.NotFound, (await archive.TryPostAsync(null, restricted, "Let me in")).Outcome);
        Assert.Equal(CommentOutcome.Saved, (await archive.TryPostAsync(reader, restricted, "Logged in, fine")).Outcome);
        Assert.Equal(CommentOutcome.NotFound, (await archive.TryPostAsync(reader, draft, "A draft")).Outcome);
        Assert.Equal(CommentOutcome.NotFound, (await archive.TryPostAsync(reader, hidden, "Hidden")).Outcome);
        // Its author reads the draft, but comments open when it is posted.
        var own = await archive.TryPostAsync(author, draft, "Not yet");
        Assert.Equal(CommentOutcome.Refused, own.Outcome);
        Assert.Contains("once the chapter is posted", own.Errors.Fields[CommentResult.GeneralField]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Held_comments_are_seen_by_the_creators_and_the_commenter_until_approved_and_then_counted(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateEstablishedUserAsync("Author");
        var coauthor = await archive.CreateEstablishedUserAsync("Coauthor");
        var reader = await archive.CreateEstablishedUserAsync("Reader");
        var other = await archive.CreateEstablishedUserAsync("Other");
        var work = await archive.SaveWorkAsync(author, f => { f.ModeratesComments = true; f.CoCreators = "Coauthor"; });
        await archive.Db.WorkCreators.Where(c => c.WorkId == work.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Accepted, true));
        archive.Db.ChangeTracker.Clear();

        var held = await archive.PostCommentAsync(reader, work, "Please approve me");
        Assert.Equal(CommentState.Held, held.State);
        Assert.Equal(0, await archive.CommentCountAsync(work));
        Assert.Equal([held.Id], (await archive.ThreadsAsync(work, reader)).Select(t => t.Comment.Id));
        Assert.Equal([held.Id], (await archive.ThreadsAsync(work, coauthor)).Select(t => t.Comment.Id));
        Assert.True((await archive.ThreadsAsync(work, author)).Single().CanApprove);
        Assert.Empty(await archive.ThreadsAsync(work, other));
        Assert.Empty(await archive.ThreadsAsync(work, null));
        // Nobody answers a comment that is not public yet, and only a creator approves it.
        Assert.Equal(CommentOutcome.Refused, (await archive.TryPostAsync(author, work, "Reply", held)).Outcome);
        Assert.Equal(CommentOutcome.NotFound, (await ApproveComment.RunAsync(archive.Db, TestArchive.ViewerFor(other), held.Id)).Outcome);
        Assert.Equal(CommentOutcome.Refused, (await ApproveComment.RunAsync(archive.Db, TestArchive.ViewerFor(reader), held.Id)).Outcome);
        // The creators' own comments are not held.
        Assert.Equal(CommentState.Published, (await archive.PostCommentAsync(author, work, "Mine")).State);
        Assert.Equal(1, await archive.CommentCountAsync(work));

        Assert.Equal(CommentOutcome.Saved, (await ApproveComment.RunAsync(archive.Db, TestArchive.ViewerFor(coauthor), held.Id)).Outcome);
        Assert.Equal(2, await archive.CommentCountAsync(work));
        Assert.Equal(2, (await archive.ThreadsAsync(work, null)).Count);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task New_accounts_post_three_comments_in_fifteen_minutes(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateEstablishedUserAsync("Author");
        var established = await archive.CreateEstablishedUserAsync("Established");
        var newcomer = await archive.CreateUserAsync("Newcomer");
        var work = await archive.SaveWorkAsync(author);
        var other = await archive.SaveWorkAsync(author);

        for (var i = 1; i <= 3; i++)
        {
            await archive.PostCommentAsync(newcomer, i == 3 ? other : work, $"Comment {i}");
            archive.Clock.Advance(TimeSpan.FromMinutes(4));
        }
        var fourth = await archive.TryPostAsync(newcomer, work, "Comment 4");
        Assert.Equal(CommentOutcome.Refused, fourth.Outcome);
        Assert.Contains("3 comments in 15 minutes", fourth.Errors.Fields[CommentResult.GeneralField]);
        Assert.Contains("try again in 3 minutes", fourth.Errors.Fields[CommentResult.GeneralField]);

        // The window slides: 15 minutes after the first, one more is allowed.
        archive.Clock.Advance(TimeSpan.FromMinutes(3));
        await archive.PostCommentAsync(newcomer, work, "Comment 4, later");

        for (var i = 1; i <= 6; i++)
        {
            await archive.PostCommentAsync(established, work, $"No limit {i}");
        }

        // A week on, the newcomer is not new any more.
        archive.Clock.Advance(CommentRules.NewAccountAge);
        for (var i = 1; i <= 4; i++)
        {
            await archive.PostCommentAsync(newcomer, work, $"A week later {i}");
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Guests_are_limited_per_address_and_deleting_does_not_buy_another(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateEstablishedUserAsync("Author");
        var work = await archive.SaveWorkAsync(author, f => f.WhoMayComment = CommentPermission.Everyone);
        var first = IPAddress.Parse("2001:db8:1:2::10");
        // Another address in the same IPv6 /64 is the same guest.
        var sameNetwork = IPAddress.Parse("2001:db8:1:2:abcd::99");

        var one = await archive.PostCommentAsync(null, work, "One", guestAddress: first);
        await archive.PostCommentAsync(null, work, "Two", guestAddress: sameNetwork);
        await archive.PostCommentAsync(null, work, "Three", guestAddress: first);
        Assert.Equal(CommentOutcome.Saved, (await DeleteComment.RunAsync(archive.Db, TestArchive.ViewerFor(author), one.Id)).Outcome);
        var fourth = await archive.TryPostAsync(null, work, "Four", guestAddress: sameNetwork);
        Assert.Equal(CommentOutcome.Refused, fourth.Outcome);
        Assert.Contains("Guests can post 3 comments in 15 minutes", fourth.Errors.Fields[CommentResult.GeneralField]);

        await archive.PostCommentAsync(null, work, "From another address", guestAddress: IPAddress.Parse("2001:db8:1:3::10"));
        await archive.PostCommentAsync(null, work, "And another", guestAddress: IPAddress.Parse("198.51.100.4"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_blocked_user_cannot_comment_on_the_blockers_works_nor_reply_to_the_blockers_comments(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateEstablishedUserAsync("Author");
        var coauthor = await archive.CreateEstablishedUserAsync("Coauthor");
        var critic = await archive.CreateEstablishedUserAsync("Critic");
        var troll = await archive.CreateEstablishedUserAsync("Troll");
        var shared = await archive.SaveWorkAsync(author, f => f.CoCreators = "Coauthor");
        await archive.Db.WorkCreators.Where(c => c.WorkId == shared.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Accepted, true));
        archive.Db.ChangeTracker.Clear();
        var elsewhere = await archive.SaveWorkAsync(troll);
        var criticsComment = await archive.PostCommentAsync(critic, elsewhere, "I read everything.");
        var beforeBlocks = await archive.PostCommentAsync(troll, shared, "Before the block");

        archive.Db.UserBlocks.Add(new UserBlock { BlockerId = coauthor.Id, BlockedId = troll.Id, CreatedAt = archive.Clock.GetUtcNow().UtcDateTime });
        archive.Db.UserBlocks.Add(new UserBlock { BlockerId = critic.Id, BlockedId = troll.Id, CreatedAt = archive.Clock.GetUtcNow().UtcDateTime });
        await archive.Db.SaveChangesAsync();

        // A block by any co-creator keeps the blocked user off the work, replies to their own old comment included.
        var onWork = await archive.TryPostAsync(troll, shared, "After the block");
        Assert.Equal(CommentOutcome.Refused, onWork.Outcome);
        Assert.Contains("has blocked you", onWork.Errors.Fields[CommentResult.GeneralField]);
        Assert.Equal(CommentOutcome.Refused, (await archive.TryPostAsync(troll, shared, "Replying to myself", beforeBlocks)).Outcome);
        // On their own work, they still cannot answer a comment by someone who blocked them.
        var reply = await archive.TryPostAsync(troll, elsewhere, "Thanks!", criticsComment);
        Assert.Equal(CommentOutcome.Refused, reply.Outcome);
        Assert.Contains("The writer of that comment has blocked you", reply.Errors.Fields[CommentResult.GeneralField]);
        // Nobody else is affected.
        await archive.PostCommentAsync(critic, shared, "Still welcome");
        await archive.PostCommentAsync(author, elsewhere, "Me too", criticsComment);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Comment_text_is_sanitized_like_chapter_text_and_limited_to_ten_thousand_characters(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateEstablishedUserAsync("Author");
        var reader = await archive.CreateEstablishedUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author);

        var comment = await archive.PostCommentAsync(reader, work,
            """<p onclick="steal()">Lovely<script>alert(1)</script> <a href="javascript:alert(2)">link</a> <img src=x onerror="alert(3)"></p>""");
        Assert.DoesNotContain("script", comment.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", comment.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", comment.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", comment.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Lovely", comment.Body);

        Assert.Equal(CommentOutcome.Saved, (await archive.TryPostAsync(reader, work, new string('a', 10_000))).Outcome);
        var tooLong = await archive.TryPostAsync(reader, work, new string('a', 10_001));
        Assert.Equal(CommentOutcome.Refused, tooLong.Outcome);
        Assert.Equal("A comment can have at most 10,000 characters; this one has 10,001.", tooLong.Errors.Fields["Comment.Body"]);
        var onlyScript = await archive.TryPostAsync(reader, work, "<script>alert(1)</script>");
        Assert.Equal(CommentOutcome.Refused, onlyScript.Outcome);
        Assert.Equal(CommentOutcome.Refused, (await archive.TryPostAsync(reader, work, "   ")).Outcome);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_commenter_edits_their_own_comment_and_it_shows_as_edited(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateEstablishedUserAsync("Author");
        var reader = await archive.CreateEstablishedUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author);
        var comment = await archive.PostCommentAsync(reader, work, "Frist");
        Assert.Null(comment.EditedAt);

        Assert.Equal(CommentOutcome.Refused, (await EditComment.RunAsync(archive.Db, archive.Clock, TestArchive.ViewerFor(author), comment.Id, "Author's words")).Outcome);
        archive.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(CommentOutcome.Saved, (await EditComment.RunAsync(archive.Db, archive.Clock, TestArchive.ViewerFor(reader), comment.Id, "First")).Outcome);

        var shown = Assert.Single(await archive.ThreadsAsync(work, null));
        Assert.Equal("<p>First</p>", shown.Comment.Body);
        Assert.Equal(archive.Clock.GetUtcNow().UtcDateTime, shown.Comment.EditedAt);
        Assert.False(shown.CanEdit);
        Assert.True(Assert.Single(await archive.ThreadsAsync(work, reader)).CanEdit);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_frozen_thread_takes_no_replies_or_edits_until_a_creator_unfreezes_it(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateEstablishedUserAsync("Author");
        var reader = await archive.CreateEstablishedUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author);
        var top = await archive.PostCommentAsync(reader, work, "Top");
        var reply = await archive.PostCommentAsync(author, work, "Reply", top);
        var elsewhere = await archive.PostCommentAsync(reader, work, "Another thread");

        Assert.Equal(CommentOutcome.Refused, (await FreezeThread.RunAsync(archive.Db, TestArchive.ViewerFor(reader), top.Id, freeze: true)).Outcome);
        Assert.Equal(CommentOutcome.Saved, (await FreezeThread.RunAsync(archive.Db, TestArchive.ViewerFor(author), top.Id, freeze: true)).Outcome);

        var refused = await archive.TryPostAsync(reader, work, "Too late", reply);
        Assert.Equal(CommentOutcome.Refused, refused.Outcome);
        Assert.Contains("frozen", refused.Errors.Fields[CommentResult.GeneralField]);
        Assert.Equal(CommentOutcome.Refused, (await EditComment.RunAsync(archive.Db, archive.Clock, TestArchive.ViewerFor(reader), top.Id, "Changed")).Outcome);
        await archive.PostCommentAsync(reader, work, "Other threads are open", elsewhere);

        var threads = await archive.ThreadsAsync(work, author);
        Assert.True(threads[0].IsFrozen && threads[0].CanUnfreeze && !threads[0].CanReply);
        Assert.True(threads[0].Replies[0].IsFrozen && !threads[0].Replies[0].CanUnfreeze && !threads[0].Replies[0].CanFreeze);
        Assert.True(threads[1].CanFreeze && threads[1].CanReply);

        Assert.Equal(CommentOutcome.Saved, (await FreezeThread.RunAsync(archive.Db, TestArchive.ViewerFor(author), top.Id, freeze: false)).Outcome);
        await archive.PostCommentAsync(reader, work, "Open again", reply);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_deleted_comment_with_replies_leaves_a_placeholder_and_one_without_leaves_nothing(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateEstablishedUserAsync("Author");
        var reader = await archive.CreateEstablishedUserAsync("Reader");
        var other = await archive.CreateEstablishedUserAsync("Other");
        var work = await archive.SaveWorkAsync(author, f => f.WhoMayComment = CommentPermission.Everyone);
        var top = await archive.PostCommentAsync(reader, work, "Top");
        var reply = await archive.PostCommentAsync(other, work, "Reply", top);
        var lone = await archive.PostCommentAsync(null, work, "Lone guest");
        Assert.Equal(3, await archive.CommentCountAsync(work));

        Assert.Equal(CommentOutcome.Refused, (await DeleteComment.RunAsync(archive.Db, TestArchive.ViewerFor(other), top.Id)).Outcome);
        Assert.Equal(CommentOutcome.Saved, (await DeleteComment.RunAsync(archive.Db, TestArchive.ViewerFor(reader), top.Id)).Outcome);
        Assert.Equal(CommentOutcome.Saved, (await DeleteComment.RunAsync(archive.Db, TestArchive.ViewerFor(author), lone.Id)).Outcome);

        var thread = Assert.Single(await archive.ThreadsAsync(work, null));
        Assert.True(thread.IsPlaceholder);
        Assert.Equal(string.Empty, thread.Comment.Body);
        Assert.False(thread.CanReply);
        Assert.Equal(reply.Id, Assert.Single(thread.Replies).Comment.Id);
        Assert.Equal(1, await archive.CommentCountAsync(work));
        await using var check = archive.NewContext();
        Assert.Null((await check.Comments.SingleAsync(c => c.Id == lone.Id)).GuestEmail);

        // Once its last reply goes, the placeholder goes too.
        Assert.Equal(CommentOutcome.Saved, (await DeleteComment.RunAsync(archive.Db, TestArchive.ViewerFor(other), reply.Id)).Outcome);
        Assert.Empty(await archive.ThreadsAsync(work, null));
        Assert.Equal(0, await archive.CommentCountAsync(work));
    }
}
