using Makimono.Changes;
using Makimono.Hosting;
using Makimono.Responses.Comments;
using Makimono.Tests.Database;
using Makimono.Tests.Works;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Responses;

[Collection(DatabaseCollection.Name)]
public sealed class CommentThreadingTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Replies_nest_to_depth_five_and_deeper_ones_are_listed_flat_with_the_comment_they_answer(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateEstablishedUserAsync("Author");
        var reader = await archive.CreateEstablishedUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author);

        // A chain of seven: depth 1 to 7, then a second reply to the depth-5 comment.
        var chain = new List<Comment>();
        for (var depth = 1; depth <= 7; depth++)
        {
            chain.Add(await archive.PostCommentAsync(depth % 2 == 1 ? reader : author, work, $"Level {depth}", chain.LastOrDefault()));
        }
        var sideReply = await archive.PostCommentAsync(reader, work, "Another answer to level 5", chain[4]);
        var secondThread = await archive.PostCommentAsync(reader, work, "A new thread");

        var threads = await archive.ThreadsAsync(work, null);
        Assert.Equal([chain[0].Id, secondThread.Id], threads.Select(t => t.Comment.Id));
        var node = threads[0];
        for (var depth = 2; depth <= 5; depth++)
        {
            node = Assert.Single(node.Replies);
            Assert.Equal(chain[depth - 1].Id, node.Comment.Id);
            Assert.Null(node.ReplyTo);
        }
        // Level 5 nests nothing; everything below it is flat, oldest first, each saying whom it answers.
        Assert.Empty(node.Replies);
        Assert.Equal([chain[5].Id, chain[6].Id, sideReply.Id], node.FlatReplies.Select(r => r.Comment.Id));
        Assert.Equal([chain[4].Id, chain[5].Id, chain[4].Id], node.FlatReplies.Select(r => r.ReplyTo!.Comment.Id));
        Assert.Equal(["Reader", "Author", "Reader"], node.FlatReplies.Select(r => r.ReplyTo!.AuthorName));
        Assert.All(node.FlatReplies, r => Assert.Empty(r.Replies));

        await using var check = archive.NewContext();
        var stored = await check.Comments.SingleAsync(c => c.Id == chain[6].Id);
        Assert.Equal(7, stored.Depth);
        Assert.Equal(chain[0].Id, stored.ThreadId);
        Assert.Equal(chain[5].Id, stored.ParentId);
        Assert.Equal(9, await archive.CommentCountAsync(work));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_comment_write_is_logged_as_a_comment_response_with_its_id(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateEstablishedUserAsync("Author");
        var reader = await archive.CreateEstablishedUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author);
        var before = await archive.Db.ArchiveChanges.MaxAsync(c => c.Id);

        var comment = await archive.PostCommentAsync(reader, work, "Logged");
        var afterPost = await LoggedSinceAsync(archive, before);
        Assert.Contains((ChangeSubject.Comment, (long)comment.Id), afterPost.Responses);
        // The work's comment count changed with it, so listings sorted by comments hear of the work too.
        Assert.Contains(work.Id, afterPost.Works);

        var mark = await archive.Db.ArchiveChanges.MaxAsync(c => c.Id);
        Assert.Equal(CommentOutcome.Saved, (await EditComment.RunAsync(archive.Db, archive.Clock, TestArchive.ViewerFor(reader), comment.Id, "Logged, edited")).Outcome);
        Assert.Equal([(ChangeSubject.Comment, (long)comment.Id)], (await LoggedSinceAsync(archive, mark)).Responses);

        mark = await archive.Db.ArchiveChanges.MaxAsync(c => c.Id);
        Assert.Equal(CommentOutcome.Saved, (await DeleteComment.RunAsync(archive.Db, TestArchive.ViewerFor(author), comment.Id)).Outcome);
        Assert.Equal([(ChangeSubject.Comment, (long)comment.Id)], (await LoggedSinceAsync(archive, mark)).Responses);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Deleting_a_chapter_deletes_its_comments_and_takes_them_out_of_the_works_count(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateEstablishedUserAsync("Author");
        var reader = await archive.CreateEstablishedUserAsync("Reader");
        var work = await archive.SaveWorkAsync(author);
        var (second, errors) = await ChapterEditing.AddAsync(archive.Db, archive.Clock, work, Forms.Chapter(), post: true, acceptRemovals: false);
        Assert.False(errors.Any);
        await archive.PostCommentAsync(reader, work, "On the first chapter");
        var onSecond = await PostComment.RunAsync(archive.Db, archive.Clock, TestArchive.ViewerFor(reader), second!.Id, null, new CommentForm { Body = "On the second" }, null);
        await PostComment.RunAsync(archive.Db, archive.Clock, TestArchive.ViewerFor(reader), second.Id, onSecond.Comment!.Id, new CommentForm { Body = "A reply" }, null);
        Assert.Equal(3, await archive.CommentCountAsync(work));

        Assert.Null(await ChapterEditing.DeleteAsync(archive.Db, work, second));

        Assert.Equal(1, await archive.CommentCountAsync(work));
        await using var check = archive.NewContext();
        Assert.Equal(1, await check.Comments.CountAsync(c => c.WorkId == work.Id));
    }

    private static async Task<(List<(ChangeSubject, long)> Responses, List<int> Works)> LoggedSinceAsync(TestArchive archive, long after)
    {
        await using var db = archive.NewContext();
        var rows = await db.ArchiveChanges.Where(c => c.Id > after).ToListAsync();
        return (rows.Where(r => r.Subject is not null).Select(r => (r.Subject!.Value, r.SubjectId!.Value)).ToList(),
            rows.Where(r => r.WorkId is not null).Select(r => r.WorkId!.Value).ToList());
    }
}
