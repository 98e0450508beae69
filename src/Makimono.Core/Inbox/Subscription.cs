using Makimono.Accounts;
using Makimono.Changes;
using Makimono.Search;
using Makimono.Works;

namespace Makimono.Inbox;

/// <summary>
/// A user following one thing: a work (its new chapters), a user (their new works), a series (its new parts) or a
/// saved search (works newly posted that it finds). Exactly one target is set, and a user follows each target once.
/// Logged as a response, so the statistics can count a work's subscribers over time.
/// </summary>
public class Subscription : ILoggedResponse
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public User User { get; set; } = null!;

    public int? WorkId { get; set; }
    public Work? Work { get; set; }
    public int? TargetUserId { get; set; }
    public User? TargetUser { get; set; }
    public int? SeriesId { get; set; }
    public Series? Series { get; set; }
    public int? SavedSearchId { get; set; }
    public SavedSearch? SavedSearch { get; set; }

    /// <summary>Only what is posted from now on is news to the subscriber.</summary>
    public DateTime CreatedAt { get; set; }

    public SubscriptionTarget Target => (WorkId, TargetUserId, SeriesId, SavedSearchId) switch
    {
        (not null, _, _, _) => SubscriptionTarget.Work,
        (_, not null, _, _) => SubscriptionTarget.User,
        (_, _, not null, _) => SubscriptionTarget.Series,
        _ => SubscriptionTarget.SavedSearch,
    };

    ChangeSubject ILoggedResponse.Subject => ChangeSubject.Subscription;
    long ILoggedResponse.SubjectId => Id;
}

public enum SubscriptionTarget
{
    Work,
    User,
    Series,
    SavedSearch,
}
