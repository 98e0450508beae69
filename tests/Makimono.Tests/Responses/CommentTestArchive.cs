using System.Net;
using Makimono.Accounts;
using Makimono.Responses.Comments;
using Makimono.Tests.Database;
using Makimono.Works;

namespace Makimono.Tests.Responses;

/// <summary>Steps the comment data tests share: posting through <see cref="PostComment"/>, and reading threads as someone.</summary>
internal static class CommentTestArchive
{
    public static readonly IPAddress GuestAddress = IPAddress.Parse("203.0.113.7");

    public static Viewer As(User? user) => user is null ? Viewer.Guest : TestArchive.ViewerFor(user);

    public static Task<CommentResult> TryPostAsync(this TestArchive archive, User? user, Work work, string body,
        Comment? replyTo = null, IPAddress? guestAddress = null) =>
        PostComment.RunAsync(archive.Db, archive.Clock, As(user), work.Chapters[0].Id, replyTo?.Id, new CommentForm
        {
            Body = body,
            GuestName = user is null ? "Passing Reader" : null,
            GuestEmail = user is null ? "passing@example.org" : null,
        }, guestAddress ?? GuestAddress);

    public static async Task<Comment> PostCommentAsync(this TestArchive archive, User? user, Work work, string body,
        Comment? replyTo = null, IPAddress? guestAddress = null)
    {
        var result = await archive.TryPostAsync(user, work, body, replyTo, guestAddress);
        Assert.True(result.Outcome == CommentOutcome.Saved, string.Join("; ", result.Errors.Fields.Values));
        return result.Comment!;
    }

    /// <summary>A user whose account is past the new-account rate limit.</summary>
    public static async Task<User> CreateEstablishedUserAsync(this TestArchive archive, string name)
    {
        var user = await archive.CreateUserAsync(name);
        user.CreatedAt -= CommentRules.NewAccountAge + TimeSpan.FromDays(1);
        await archive.Db.SaveChangesAsync();
        return user;
    }

    /// <summary>The threads on the work's first chapter as <paramref name="viewer"/> sees them, read through a fresh context.</summary>
    public static async Task<List<CommentView>> ThreadsAsync(this TestArchive archive, Work work, User? viewer)
    {
        await using var db = archive.NewContext();
        var loaded = await archive.LoadWorkAsync(db, work.Id);
        var chapter = loaded.Chapters.OrderBy(c => c.Position).First();
        return (await CommentThreads.ForChaptersAsync(db, loaded, [chapter], As(viewer)))[chapter.Id];
    }

    public static async Task<int> CommentCountAsync(this TestArchive archive, Work work)
    {
        await using var db = archive.NewContext();
        return (await db.Works.FindAsync(work.Id))!.CommentCount;
    }
}
