using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Accounts;

/// <summary>
/// Names that look alike on screen ("alice", "аlice" with a Cyrillic а, fullwidth "ａｌｉｃｅ", "paypaI") share a
/// skeleton: NFKC, then the UTS #39 skeleton (NFD, each character mapped to its prototype, NFD), lower-cased and mapped
/// again so that case does not matter either. No user name or pseud may share a skeleton with another user's.
/// </summary>
/// <remarks>The table, Confusables.txt, is generated from ICU's data by scripts/generate-confusables.</remarks>
public static class ConfusableNames
{
    /// <summary>A skeleton can be longer than its name; a name whose skeleton is longer than this is refused.</summary>
    public const int SkeletonMax = 200;

    private static readonly Lazy<FrozenDictionary<int, string>> Prototypes = new(LoadPrototypes);

    public static string Skeleton(string name)
    {
        var once = Map(name.Trim().Normalize(NormalizationForm.FormKC));
        return Map(once.ToLowerInvariant());
    }

    /// <summary>The clash with another user's name or pseud, said for the person choosing the name; null when there is none.</summary>
    public static async Task<string?> FindClashAsync(ArchiveDbContext db, string name, int? ownUserId, CancellationToken ct = default)
    {
        var skeleton = Skeleton(name);
        if (skeleton.Length > SkeletonMax)
        {
            return "That name is too long once its characters are spelled out; choose a plainer one.";
        }
        await FillMissingSkeletonsAsync(db, ct);
        var user = await db.Users.AsNoTracking().Where(u => u.NameSkeleton == skeleton && u.Id != ownUserId)
            .Select(u => u.UserName).FirstOrDefaultAsync(ct);
        user ??= await db.Pseuds.AsNoTracking().Where(p => p.NameSkeleton == skeleton && p.UserId != ownUserId)
            .Select(p => p.User.UserName).FirstOrDefaultAsync(ct);
        return user is null
            ? null
            : $"\"{name.Trim()}\" looks too much like the name of the user \"{user}\" (same letters, or letters that look the same). Choose another.";
    }

    /// <summary>Names stored before skeletons were kept get theirs the first time a new name is checked.</summary>
    private static async Task FillMissingSkeletonsAsync(ArchiveDbContext db, CancellationToken ct)
    {
        var users = await db.Users.Where(u => u.NameSkeleton == null).ToListAsync(ct);
        var pseuds = await db.Pseuds.Where(p => p.NameSkeleton == null).ToListAsync(ct);
        if (users.Count + pseuds.Count == 0)
        {
            return;
        }
        users.ForEach(u => u.NameSkeleton = Truncated(Skeleton(u.UserName)));
        pseuds.ForEach(p => p.NameSkeleton = Truncated(Skeleton(p.Name)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The skeleton to store for a name already checked by <see cref="FindClashAsync"/>.</summary>
    public static string Truncated(string skeleton) => skeleton.Length > SkeletonMax ? skeleton[..SkeletonMax] : skeleton;

    private static string Map(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var mapped = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Prototypes.Value.TryGetValue(rune.Value, out var prototype))
            {
                mapped.Append(prototype);
            }
            else
            {
                mapped.Append(rune.ToString());
            }
        }
        return mapped.ToString().Normalize(NormalizationForm.FormD);
    }

    private static FrozenDictionary<int, string> LoadPrototypes()
    {
        using var stream = typeof(ConfusableNames).Assembly.GetManifestResourceStream("Makimono.Accounts.Confusables.txt")
            ?? throw new InvalidOperationException("Confusables.txt is not embedded in Makimono.Core.");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var separator = line.IndexOf(';', StringComparison.Ordinal);
            var target = new StringBuilder();
            foreach (var code in line[(separator + 1)..].Split(' '))
            {
                target.Append(char.ConvertFromUtf32(int.Parse(code, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            }
            table[int.Parse(line.AsSpan(0, separator), NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = target.ToString();
        }
        return table.ToFrozenDictionary();
    }
}
