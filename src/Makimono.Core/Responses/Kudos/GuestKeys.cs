using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Makimono.Accounts;
using Makimono.Database;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Responses.Kudos;

/// <summary>
/// Stands a guest's address in for the guest without storing it: an HMAC-SHA256 of the address keyed with a random
/// secret the archive makes on first use and keeps as a site setting (never in code, never in a page), so the
/// database alone does not reveal who left kudos, and nobody can test an address against it without the secret.
/// </summary>
public static class GuestKeys
{
    private const string SecretKey = "GuestKeySecret";

    public static async Task<string> ForAsync(ArchiveDbContext db, IPAddress address, CancellationToken ct = default)
    {
        var secret = await SecretAsync(db, ct);
        var hash = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(Normalize(address).ToString()));
        return Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>
    /// One guest is one IPv4 address, or one IPv6 /64: a home or phone gets a whole /64 and picks addresses in it at
    /// will, so counting each address would let one guest leave kudos again and again.
    /// </summary>
    public static IPAddress Normalize(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }

    private static async Task<byte[]> SecretAsync(ArchiveDbContext db, CancellationToken ct)
    {
        var stored = await db.SiteSettings.AsNoTracking().Where(s => s.Key == SecretKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        if (stored is null)
        {
            var setting = new SiteSetting { Key = SecretKey, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
            db.SiteSettings.Add(setting);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another request or node made it first; theirs is the one.
            }
            db.Entry(setting).State = EntityState.Detached;
            stored = await db.SiteSettings.AsNoTracking().Where(s => s.Key == SecretKey).Select(s => s.Value).FirstAsync(ct);
        }
        return Convert.FromBase64String(stored);
    }
}
