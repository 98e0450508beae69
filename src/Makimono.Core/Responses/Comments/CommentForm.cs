using Makimono.Works;

namespace Makimono.Responses.Comments;

/// <summary>A comment exactly as typed, so a refused one is shown again unchanged.</summary>
public sealed class CommentForm
{
    public string? Body { get; set; }
    /// <summary>Which of the commenter's pseuds signs it; their default pseud when empty.</summary>
    public int? PseudId { get; set; }
    public string? GuestName { get; set; }
    public string? GuestEmail { get; set; }
}

public enum CommentOutcome
{
    Saved,
    /// <summary>Not saved; <see cref="CommentResult.Errors"/> says why, keyed like the form ("Comment.Body", or "Comment" for the whole).</summary>
    Refused,
    /// <summary>The comment, its chapter or its work does not exist for this viewer; pages answer as for a missing work.</summary>
    NotFound,
}

public sealed record CommentResult(CommentOutcome Outcome, Comment? Comment, FormErrors Errors)
{
    public const string GeneralField = "Comment";

    public static CommentResult NotFound() => new(CommentOutcome.NotFound, null, new FormErrors());

    public static CommentResult Refused(string message)
    {
        var errors = new FormErrors();
        errors.Add(GeneralField, message);
        return new CommentResult(CommentOutcome.Refused, null, errors);
    }
}
