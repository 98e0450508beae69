using Makimono.Hosting;
using Makimono.Responses.Comments;
using Makimono.Tests.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Tests.Responses;

/// <summary>
/// A guest's name is shown to everyone beside the comment, and goes into the author's inbox, its Atom feed and mail:
/// control characters (which XML cannot hold at all) and text-direction overrides (which make "Admin" out of
/// "nimdA") are refused, with the comment's text kept.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class CommentGuestNameTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_guest_name_with_control_or_direction_override_characters_is_refused(DatabaseProvider provider)
    {
        await using var archive = await TestArchive.OpenAsync(databases, provider);
        var author = await archive.CreateEstablishedUserAsync("Author");
        var work = await archive.SaveWorkAsync(author, f => f.WhoMayComment = CommentPermission.Everyone);

        foreach (var name in new[] { "Bell\u0007", "Two\nLines", "\u202Enimda", "Left\u2066Isolate" })
        {
            var result = await PostComment.RunAsync(archive.Db, archive.Clock, CommentTestArchive.As(null), work.Chapters[0].Id, null,
                new CommentForm { Body = "Lovely chapter", GuestName = name, GuestEmail = "guest@example.org" }, CommentTestArchive.GuestAddress);
            Assert.Equal(CommentOutcome.Refused, result.Outcome);
            Assert.Contains("plain text", result.Errors.Fields["Comment.GuestName"]);
        }
        // Letters of any script, and the marks right-to-left names need, are fine.
        var arabic = await PostComment.RunAsync(archive.Db, archive.Clock, CommentTestArchive.As(null), work.Chapters[0].Id, null,
            new CommentForm { Body = "Lovely chapter", GuestName = "قارئ\u200F 读者", GuestEmail = "guest@example.org" }, CommentTestArchive.GuestAddress);
        Assert.Equal(CommentOutcome.Saved, arabic.Outcome);
        await using var check = archive.NewContext();
        Assert.Equal(1, await check.Comments.CountAsync(c => c.WorkId == work.Id));
    }
}
