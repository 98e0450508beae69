using System.Text.RegularExpressions;
using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Works;

/// <summary>Who a work is credited to: one of the poster's pseuds, and invited co-creators who must accept.</summary>
public static partial class WorkCreators
{
    internal static async Task ApplyAsync(ArchiveDbContext db, int userId, Work work, WorkForm form, FormErrors errors, CancellationToken ct)
    {
        var ownPseuds = await db.Pseuds.Where(p => p.UserId == userId).ToListAsync(ct);
        var chosen = form.PseudId is int pseudId ? ownPseuds.FirstOrDefault(p => p.Id == pseudId) : ownPseuds.FirstOrDefault(p => p.IsDefault);
        if (chosen is null && form.PseudId is not null)
        {
            // Only the poster's own pseuds are offered; crediting anyone else's needs their consent (co-creators).
            errors.Add("Work.PseudId", "Choose one of your own pseuds to credit.");
            return;
        }
        if (chosen is null)
        {
            errors.Add("Work.PseudId", "Choose one of your pseuds to credit.");
            return;
        }

        var invited = new List<Pseud>();
        foreach (var entry in Tags.TagName.SplitList(form.CoCreators))
        {
            var pseud = await FindPseudAsync(db, entry, ct);
            if (pseud is null)
            {
                errors.Add("Work.CoCreators", $"There is no user or pseud \"{entry}\". Write a user name, or \"Pseud (user)\".");
            }
            else if (pseud.UserId != userId && !invited.Contains(pseud))
            {
                invited.Add(pseud);
            }
        }
        if (errors.Any)
        {
            return;
        }

        // The poster's own creatorships: keep exactly the chosen pseud.
        work.Creators.RemoveAll(c => c.Pseud?.UserId == userId && c.PseudId != chosen.Id);
        if (work.Creators.All(c => c.PseudId != chosen.Id))
        {
            work.Creators.Add(new WorkCreator { Work = work, Pseud = chosen, PseudId = chosen.Id, Accepted = true, Position = 0 });
        }
        // Co-creators: drop the ones no longer listed, invite the new ones; acceptance is kept across edits.
        work.Creators.RemoveAll(c => c.Pseud?.UserId != userId && c.PseudId != chosen.Id && !invited.Any(p => p.Id == c.PseudId));
        var position = work.Creators.Count == 0 ? 0 : work.Creators.Max(c => c.Position);
        foreach (var pseud in invited.Where(p => work.Creators.All(c => c.PseudId != p.Id)))
        {
            work.Creators.Add(new WorkCreator { Work = work, Pseud = pseud, PseudId = pseud.Id, Accepted = false, Position = ++position });
        }
    }

    public static async Task<Pseud?> FindPseudAsync(ArchiveDbContext db, string entry, CancellationToken ct)
    {
        var match = PseudAndUser().Match(entry);
        if (match.Success)
        {
            var pseudName = AccountNames.Normalize(match.Groups["pseud"].Value);
            var userName = AccountNames.Normalize(match.Groups["user"].Value);
            return await db.Pseuds.Include(p => p.User)
                .FirstOrDefaultAsync(p => p.NormalizedName == pseudName && p.User.NormalizedUserName == userName, ct);
        }
        var name = AccountNames.Normalize(entry);
        return await db.Pseuds.Include(p => p.User)
            .FirstOrDefaultAsync(p => p.IsDefault && p.User.NormalizedUserName == name, ct);
    }

    /// <summary>An invited co-creator accepts or declines; declining removes the invitation.</summary>
    public static async Task<bool> AnswerInvitationAsync(ArchiveDbContext db, int userId, int workId, int pseudId, bool accept, CancellationToken ct = default)
    {
        var creatorship = await db.WorkCreators.Include(c => c.Pseud)
            .FirstOrDefaultAsync(c => c.WorkId == workId && c.PseudId == pseudId && c.Pseud.UserId == userId && !c.Accepted, ct);
        if (creatorship is null)
        {
            return false;
        }
        if (accept)
        {
            creatorship.Accepted = true;
        }
        else
        {
            db.WorkCreators.Remove(creatorship);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    [GeneratedRegex(@"^(?<pseud>.+?)\s*\((?<user>[^()]+)\)$")]
    private static partial Regex PseudAndUser();
}
