using System.Net;
using Makimono.Accounts;
using Makimono.Works;

namespace Makimono.Reading.Hits;

/// <summary>What counts as a hit, decided when a work page is served; the page then only adds to the <see cref="HitBuffer"/>.</summary>
public static class HitCounting
{
    /// <summary>
    /// A reader's visit counts when they may read the work (<see cref="WorkAccess"/>), it is posted and not hidden (so an
    /// admin looking at a hidden work adds nothing), and they are not one of its creators: authors rereading their own
    /// work would otherwise inflate the figure they read it for.
    /// </summary>
    public static bool Counts(WorkAccessFacts work, Viewer viewer) =>
        !work.IsDraft && !work.IsHidden && WorkAccess.IsVisibleTo(work, viewer)
        && !(viewer.UserId is int userId && work.CreatorUserIds.Contains(userId));

    /// <summary>Buffers the visit when it counts; no database work.</summary>
    public static void Record(HitBuffer buffer, TimeProvider clock, Work work, Viewer viewer, IPAddress? address)
    {
        if (Counts(WorkAccess.FactsOf(work), viewer))
        {
            var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            buffer.Add(new HitVisit(work.Id, day, HitVisit.VisitorOf(viewer.UserId, address)));
        }
    }
}
