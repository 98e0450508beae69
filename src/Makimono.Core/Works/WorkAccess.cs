using System.Linq.Expressions;
using Makimono.Accounts;

namespace Makimono.Works;

/// <summary>
/// What the access rules need to know about a work: its flags and who its accepted creators are (by user id). The
/// database, a loaded <see cref="Work"/> and the search index all hold these, so each can apply the same rule.
/// </summary>
public sealed record WorkAccessFacts(bool IsDraft, bool IsHidden, bool IsRestricted, IReadOnlyCollection<int> CreatorUserIds);

/// <summary>
/// The visibility rule for one viewer, in the shape every form applies: a work is visible when it is posted and each
/// flag it carries is allowed, or when the viewer is one of its accepted creators. The search index filters on exactly
/// these terms (posted, hidden, restricted, creator user ids).
/// </summary>
public sealed record AccessFilter(bool HiddenAllowed, bool RestrictedAllowed, int? CreatorUserId)
{
    public bool Allows(WorkAccessFacts work) =>
        (!work.IsDraft && (HiddenAllowed || !work.IsHidden) && (RestrictedAllowed || !work.IsRestricted))
        || (CreatorUserId is int userId && work.CreatorUserIds.Contains(userId));
}

/// <summary>
/// The one home of the access rules, in every form a caller needs (an EF expression, an in-memory predicate over
/// <see cref="WorkAccessFacts"/>, and <see cref="AccessFilter"/> for the index): drafts are seen only by their
/// creators, restricted works only by logged-in users, and hidden works only by their creators and admins. Creators
/// may edit their works, and admins any posted work.
/// </summary>
public static class WorkAccess
{
    /// <summary>Who may see what: guests posted, open works; users also restricted ones; admins also hidden ones.</summary>
    public static AccessFilter VisibilityFor(Viewer viewer) => viewer.UserId switch
    {
        null => new AccessFilter(HiddenAllowed: false, RestrictedAllowed: false, CreatorUserId: null),
        int userId => new AccessFilter(HiddenAllowed: viewer.IsAdmin, RestrictedAllowed: true, CreatorUserId: userId),
    };

    public static bool IsVisibleTo(WorkAccessFacts work, Viewer viewer) => VisibilityFor(viewer).Allows(work);

    /// <summary>
    /// Whether the viewer may leave a new response (kudos, a comment, a bookmark, a subscription) on the work: it is
    /// posted, not hidden, and the viewer may read it. As on AO3, a work an admin hid takes no new responses from anyone,
    /// its creators and admins included: the creators still read it and admins moderate it, until it is shown again.
    /// </summary>
    public static bool TakesResponsesFrom(WorkAccessFacts work, Viewer viewer) =>
        !work.IsDraft && !work.IsHidden && IsVisibleTo(work, viewer);

    /// <summary>Works that take new responses from this viewer (<see cref="TakesResponsesFrom"/> as a query).</summary>
    public static IQueryable<Work> TakingResponsesFrom(this IQueryable<Work> works, Viewer viewer) =>
        works.VisibleTo(viewer).Where(w => !w.IsDraft && !w.IsHidden);

    /// <summary>Creators edit their own works, drafts included; admins moderate any posted work.</summary>
    public static bool IsEditableBy(WorkAccessFacts work, Viewer viewer) =>
        viewer.UserId is int userId && (work.CreatorUserIds.Contains(userId) || (viewer.IsAdmin && !work.IsDraft));

    /// <summary>The facts of a work loaded with its creators and their pseuds.</summary>
    public static WorkAccessFacts FactsOf(Work work) => new(work.IsDraft, work.IsHidden, work.IsRestricted,
        work.Creators.Where(c => c.Accepted).Select(c => c.Pseud.UserId).ToList());

    /// <summary>The facts as an EF projection, for whoever reads them from the database (the index builder).</summary>
    public static readonly Expression<Func<Work, WorkAccessFacts>> Facts = w => new WorkAccessFacts(
        w.IsDraft, w.IsHidden, w.IsRestricted, w.Creators.Where(c => c.Accepted).Select(c => c.Pseud.UserId).ToList());

    public static IQueryable<Work> VisibleTo(this IQueryable<Work> works, Viewer viewer)
    {
        // The same rule as AccessFilter.Allows, written per case so that each database gets a plain predicate.
        var filter = VisibilityFor(viewer);
        if (filter.CreatorUserId is not int userId)
        {
            return works.Where(w => !w.IsDraft && !w.IsHidden && !w.IsRestricted);
        }
        if (filter.HiddenAllowed)
        {
            return works.Where(w => !w.IsDraft || w.Creators.Any(c => c.Accepted && c.Pseud.UserId == userId));
        }
        return works.Where(w => (!w.IsDraft && !w.IsHidden) || w.Creators.Any(c => c.Accepted && c.Pseud.UserId == userId));
    }

    /// <summary>
    /// Works every logged-in user may read: posted and not hidden. A guest who asks for one of these that is
    /// restricted is asked to log in, as on AO3; drafts and hidden works stay unknown to those who may not see them.
    /// </summary>
    public static IQueryable<Work> OpenToLoggedInUsers(this IQueryable<Work> works) =>
        works.Where(w => !w.IsDraft && !w.IsHidden);

    /// <summary>Works this viewer may edit or delete (<see cref="IsEditableBy"/> as a query).</summary>
    public static IQueryable<Work> EditableBy(this IQueryable<Work> works, Viewer viewer)
    {
        if (viewer.UserId is not int userId)
        {
            return works.Where(_ => false);
        }
        if (viewer.IsAdmin)
        {
            return works.Where(w => !w.IsDraft || w.Creators.Any(c => c.Accepted && c.Pseud.UserId == userId));
        }
        return works.Where(w => w.Creators.Any(c => c.Accepted && c.Pseud.UserId == userId));
    }

    public static bool CanEdit(Work work, Viewer viewer) => IsEditableBy(FactsOf(work), viewer);

    /// <summary>Only a work's creators invite and remove co-creators; an admin editing it leaves the creators as they are.</summary>
    public static bool ManagesCreators(Work work, Viewer viewer) => IsCreator(work, viewer);

    /// <summary>Admins hide and unhide posted works; a draft is its creators' alone.</summary>
    public static bool CanHide(Work work, Viewer viewer) => viewer.IsAdmin && !work.IsDraft;

    public static bool IsCreator(Work work, Viewer viewer) =>
        viewer.UserId is int userId && work.Creators.Any(c => c.Accepted && c.Pseud.UserId == userId);

    /// <summary>
    /// A chapter of a work from <see cref="EditableBy"/> that this viewer may edit or delete: as with reading, a draft
    /// chapter is its creators' alone, so an admin moderating a posted work cannot open, change or post its drafts.
    /// </summary>
    public static Chapter? EditableChapter(Work work, int chapterId, Viewer viewer) =>
        ReadableChapters(work, viewer).FirstOrDefault(c => c.Id == chapterId);

    /// <summary>Draft chapters of a posted work are seen only by its creators.</summary>
    public static IEnumerable<Chapter> ReadableChapters(Work work, Viewer viewer)
    {
        var creator = IsCreator(work, viewer);
        return work.Chapters.Where(c => creator || !c.IsDraft).OrderBy(c => c.Position);
    }
}
