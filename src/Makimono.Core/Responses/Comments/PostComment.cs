using System.Net;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Makimono.Accounts;
using Makimono.Database;
using Makimono.Responses.Kudos;
using Makimono.Text;
using Makimono.Works;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Responses.Comments;

/// <summary>A new comment on a chapter, or a reply to a comment on it.</summary>
public static partial class PostComment
{
    /// <param name="guestAddress">
    /// A guest's address, which the rate limit counts by (as a keyed hash, <see cref="GuestKeys"/>; never stored itself).
    /// Guests whose address is unknown share one count. Ignored for users.
    /// </param>
    public static async Task<CommentResult> RunAsync(
        ArchiveDbContext db, TimeProvider clock, Viewer viewer, int chapterId, int? parentId, CommentForm form, IPAddress? guestAddress,
        CancellationToken ct = default)
    {
        var chapter = await db.Chapters
            .Include(c => c.Work).ThenInclude(w => w.Creators).ThenInclude(c => c.Pseud)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == chapterId, ct);
        if (chapter is null || !CommentRules.CanRead(chapter.Work, chapter, viewer))
        {
            return CommentResult.NotFound();
        }
        var work = chapter.Work;
        if (CommentRules.WhyNotComment(work, chapter, viewer) is { } notAllowed)
        {
            return CommentResult.Refused(notAllowed);
        }

        Comment? parent = null;
        if (parentId is int id)
        {
            parent = await db.Comments.FirstOrDefaultAsync(c => c.Id == id && c.ChapterId == chapterId, ct);
            if (parent is null || !CommentRules.IsShown(parent, work, viewer) && parent.State != CommentState.Deleted)
            {
                return CommentResult.NotFound();
            }
            var thread = await CommentQueries.ThreadOfAsync(db, parent, ct);
            if (parent.State == CommentState.Deleted)
            {
                return CommentResult.Refused("That comment was deleted, so it takes no replies.");
            }
            if (CommentRules.IsFrozen(parent, thread))
            {
                return CommentResult.Refused("This thread is frozen: it takes no new replies.");
            }
            if (!CommentRules.TakesReplies(parent, frozen: false))
            {
                return CommentResult.Refused("That comment is waiting for approval; it takes replies once it is published.");
            }
        }

        var errors = new FormErrors();
        var body = Body(errors, form.Body);
        var comment = new Comment
        {
            WorkId = work.Id,
            ChapterId = chapter.Id,
            ParentId = parent?.Id,
            ThreadId = parent is null ? null : parent.ThreadId ?? parent.Id,
            Depth = parent is null ? 1 : parent.Depth + 1,
            Body = body ?? string.Empty,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            State = CommentRules.StateOfNew(work, viewer),
        };

        User? user = null;
        string? guestKey = null;
        if (viewer.UserId is int userId)
        {
            user = await db.Users.Include(u => u.Pseuds).FirstAsync(u => u.Id == userId, ct);
            var pseud = user.Pseuds.FirstOrDefault(p => p.Id == form.PseudId) ?? user.Pseuds.First(p => p.IsDefault);
            comment.UserId = user.Id;
            comment.PseudId = pseud.Id;
            if (await CommentBlocking.RefusalAsync(db, work, parent, user.Id, ct) is { } blocked)
            {
                errors.Add(CommentResult.GeneralField, blocked);
            }
        }
        else
        {
            guestKey = await GuestKeys.ForAsync(db, guestAddress ?? IPAddress.None, ct);
            comment.GuestName = GuestName(errors, form.GuestName);
            comment.GuestEmail = GuestEmail(errors, form.GuestEmail);
            comment.GuestAddressHash = guestKey;
        }
        if (!errors.Any && await CommentRules.RateLimitAsync(db, clock, user, guestKey, ct) is { } limited)
        {
            errors.Add(CommentResult.GeneralField, limited);
        }
        if (errors.Any)
        {
            return new CommentResult(CommentOutcome.Refused, null, errors);
        }
        db.Comments.Add(comment);
        await CommentCounts.SaveAsync(db, work, ct);
        return new CommentResult(CommentOutcome.Saved, comment, errors);
    }

    /// <summary>The sanitized text, or null with the reason in <paramref name="errors"/>; also used when editing.</summary>
    internal static string? Body(FormErrors errors, string? typed)
    {
        const string field = "Comment.Body";
        var length = typed?.Trim().Length ?? 0;
        if (length == 0)
        {
            errors.Add(field, "Write something first: the comment is empty.");
            return null;
        }
        if (length > Limits.CommentMax)
        {
            errors.Add(field, $"A comment can have at most {Limits.CommentMax:N0} characters; this one has {length:N0}.");
            return null;
        }
        var clean = UserHtml.FromUserInput(typed);
        if (clean.Refusal is not null)
        {
            errors.Add(field, clean.Refusal);
            return null;
        }
        if (!HasContent(clean.Html))
        {
            errors.Add(field, "Nothing is left of this comment once the HTML the archive does not allow is removed.");
            return null;
        }
        return clean.Html;
    }

    /// <summary>Text or an image is left: "&lt;p&gt;&lt;/p&gt;", all that is left of a lone script, is not a comment.</summary>
    private static bool HasContent(string html) =>
        html.Contains("<img", StringComparison.OrdinalIgnoreCase)
        || !string.IsNullOrWhiteSpace(System.Net.WebUtility.HtmlDecode(Tags().Replace(html, "")));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    private static string? GuestName(FormErrors errors, string? typed)
    {
        var name = typed?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Add("Comment.GuestName", "Give a name to sign your comment with.");
            return null;
        }
        if (name.Length > Limits.CommentGuestNameMax)
        {
            errors.Add("Comment.GuestName", $"A name can have at most {Limits.CommentGuestNameMax} characters; this one has {name.Length}.");
            return null;
        }
        if (PlainLine.Refuses(name))
        {
            errors.Add("Comment.GuestName", PlainLine.Message("the name"));
            return null;
        }
        return name;
    }


    private static string? GuestEmail(FormErrors errors, string? typed)
    {
        var email = typed?.Trim() ?? string.Empty;
        if (email.Length == 0 || email.Length > Limits.EmailMax
            || !MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            errors.Add("Comment.GuestEmail", "Give an e-mail address such as name@example.org (it is never shown).");
            return null;
        }
        return email;
    }
}
