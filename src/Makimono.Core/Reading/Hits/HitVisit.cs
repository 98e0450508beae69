using System.Net;
using System.Net.Sockets;

namespace Makimono.Reading.Hits;

/// <summary>
/// A visit waiting in the <see cref="HitBuffer"/>: which work, which (UTC) day, and who, as "user:ID" or an address.
/// The raw form only lives in memory until the flush turns it into a keyed hash (<see cref="VisitorKeys"/>).
/// </summary>
public readonly record struct HitVisit(int WorkId, DateOnly Day, string Visitor)
{
    /// <summary>
    /// A signed-in reader is counted by their user id (the same person on a phone and a laptop is one hit), a guest by
    /// their address; an IPv6 guest by the /64 network, since one household or phone picks new addresses inside it at will.
    /// </summary>
    public static string VisitorOf(int? userId, IPAddress? address)
    {
        if (userId is int id)
        {
            return "user:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (address is null)
        {
            return "address:unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return "address:" + new IPAddress(bytes) + "/64";
        }
        return "address:" + address;
    }
}
