using Makimono.Accounts;

namespace Makimono.Works;

/// <summary>
/// The access rules, as query filters so that no page can forget them:
/// drafts are seen only by their creators, restricted works only by logged-in users, and hidden works
/// only by their creators and admins.
/// </summary>
public static class WorkAccess
{
    public static IQueryable<Work> VisibleTo(this IQueryable<Work> works, Viewer viewer)
    {
        if (viewer.UserId is not int userId)
        {
            return works.OpenToLoggedInUsers().Where(w => !w.IsRestricted);
        }
        if (viewer.IsAdmin)
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

    /// <summary>Works this viewer may edit or delete: their own, and for admins any posted work.</summary>
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
