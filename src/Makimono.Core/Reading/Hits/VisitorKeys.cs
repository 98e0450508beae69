using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Reading.Hits;

/// <summary>
/// Turns a visitor ("user:12", an address) into the key stored in <see cref="HitVisitor"/>: an HMAC-SHA256 under a
/// random secret of that day, cut to 16 bytes. Every node reads the same day's secret from the site settings (the first
/// to need it creates it), so the same visitor gets the same key on every node. The secrets are pruned with the keys
/// once the day is over, so no stored key can be traced back to an address, even by trying every IPv4 address.
/// </summary>
public sealed class VisitorKeys
{
    private const string SettingPrefix = "HitSecret:";
    private const int SecretBytes = 32;

    private readonly ConcurrentDictionary<DateOnly, byte[]> _secrets = new();

    public static string SettingKey(DateOnly day) => SettingPrefix + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static byte[] KeyOf(byte[] secret, string visitor) =>
        HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(visitor))[..HitVisitor.KeyLength];

    public async Task<byte[]> SecretAsync(ArchiveDbContext db, DateOnly day, CancellationToken ct)
    {
        if (_secrets.TryGetValue(day, out var known))
        {
            return known;
        }
        var key = SettingKey(day);
        var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes));
        // Two nodes may need the day's secret at once: the first insert wins, and both read the winner.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "SiteSettings" ("Key", "Value") VALUES ({key}, {fresh}) ON CONFLICT ("Key") DO NOTHING""", ct);
        var stored = await db.SiteSettings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).SingleAsync(ct);
        var secret = Convert.FromBase64String(stored);
        foreach (var old in _secrets.Keys.Where(d => d < day.AddDays(-1)))
        {
            _secrets.TryRemove(old, out _);
        }
        return _secrets.GetOrAdd(day, secret);
    }

    /// <summary>Deletes the secrets of days before <paramref name="firstKept"/> (<see cref="HitPruning"/>).</summary>
    internal async Task<int> PruneAsync(ArchiveDbContext db, DateOnly firstKept, CancellationToken ct)
    {
        var keep = SettingKey(firstKept);
        foreach (var old in _secrets.Keys.Where(d => d < firstKept))
        {
            _secrets.TryRemove(old, out _);
        }
        // The day in the key is written yyyy-MM-dd, so the text order is the date order.
        return await db.SiteSettings.Where(s => s.Key.StartsWith(SettingPrefix) && string.Compare(s.Key, keep) < 0).ExecuteDeleteAsync(ct);
    }
}
