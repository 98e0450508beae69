using System.Security.Cryptography;
using System.Text;
using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Feeds;

/// <summary>
/// Atom ids (RFC 4287 4.2.6) that never change: a name-based UUID (RFC 9562 version 5) of the archive's own random
/// id and a path such as "works/12". They survive a new host name, a proxy or https, which a URL as id would not,
/// and two archives never share one, which "works/12" alone would not.
/// </summary>
public sealed class FeedIds(Guid archiveId)
{
    private const string ArchiveIdKey = "ArchiveId";

    public Guid ArchiveId => archiveId;

    public string Work(int workId) => For($"works/{workId}");

    public string Chapter(int chapterId) => For($"chapters/{chapterId}");

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "RFC 9562 defines version 5 UUIDs with SHA-1; they name things, they protect nothing.")]
    public string For(string name)
    {
        // Version 5: SHA-1 of the namespace (the archive id, big-endian) and the name, with version and variant bits set.
        var input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        archiveId.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }

    /// <summary>The archive's id, made on first use and kept as a site setting.</summary>
    public static async Task<FeedIds> LoadAsync(ArchiveDbContext db, CancellationToken ct = default)
    {
        var stored = await db.SiteSettings.AsNoTracking().Where(s => s.Key == ArchiveIdKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        if (Guid.TryParse(stored, out var id))
        {
            return new FeedIds(id);
        }
        db.SiteSettings.Add(new SiteSetting { Key = ArchiveIdKey, Value = Guid.NewGuid().ToString("D") });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request or node made it first; theirs is the one.
            db.ChangeTracker.Clear();
        }
        var value = await db.SiteSettings.AsNoTracking().Where(s => s.Key == ArchiveIdKey).Select(s => s.Value).FirstAsync(ct);
        return new FeedIds(Guid.Parse(value));
    }
}
