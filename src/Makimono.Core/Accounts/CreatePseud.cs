using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Accounts;

/// <summary>Adds a pseud to a user's account.</summary>
public static class CreatePseud
{
    /// <summary>Returns what is wrong with the name, or null once the pseud is stored.</summary>
    public static async Task<string?> RunAsync(ArchiveDbContext db, int userId, string? name, string? description, CancellationToken ct = default)
    {
        name = name?.Trim();
        if (AccountNames.ValidatePseudName(name) is { } problem)
        {
            return problem;
        }
        var normalized = AccountNames.Normalize(name!);
        if (await db.Pseuds.AnyAsync(p => p.UserId == userId && p.NormalizedName == normalized, ct))
        {
            return $"You already have a pseud named \"{name}\".";
        }
        // A user's own pseuds may look like their name; nobody else's may.
        if (await ConfusableNames.FindClashAsync(db, name!, userId, ct) is { } clash)
        {
            return clash;
        }
        db.Pseuds.Add(new Pseud
        {
            UserId = userId,
            Name = name!,
            NormalizedName = normalized,
            NameSkeleton = ConfusableNames.Truncated(ConfusableNames.Skeleton(name!)),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
        });
        await db.SaveChangesAsync(ct);
        return null;
    }
}
