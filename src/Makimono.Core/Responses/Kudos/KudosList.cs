using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Responses.Kudos;

/// <summary>Who left kudos on a work: user names newest first, then how many more users and how many guests.</summary>
public sealed record KudosSummary(IReadOnlyList<string> UserNames, int MoreUsers, int Guests)
{
    public int Total => UserNames.Count + MoreUsers + Guests;
}

public static class KudosList
{
    /// <summary>AO3 lists names and then "and N more": a popular work's thousands of names would bury the page.</summary>
    public const int NamesShown = 50;

    public static async Task<KudosSummary> ForWorkAsync(ArchiveDbContext db, int workId, int namesShown = NamesShown, CancellationToken ct = default)
    {
        var kudos = db.Kudos.Where(k => k.WorkId == workId);
        var names = await kudos.Where(k => k.UserId != null).OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
            .Select(k => k.User!.UserName).Take(namesShown).ToListAsync(ct);
        var users = names.Count < namesShown ? names.Count : await kudos.CountAsync(k => k.UserId != null, ct);
        var guests = await kudos.CountAsync(k => k.UserId == null, ct);
        return new KudosSummary(names, users - names.Count, guests);
    }

    /// <summary>Every user name, newest first, a page at a time, for the work's kudos page.</summary>
    public static Task<List<string>> UserNamesAsync(ArchiveDbContext db, int workId, int skip, int take, CancellationToken ct = default) =>
        db.Kudos.Where(k => k.WorkId == workId && k.UserId != null).OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
            .Select(k => k.User!.UserName).Skip(skip).Take(take).ToListAsync(ct);
}
