using System.Net;
using System.Net.Sockets;

namespace CloudjetGraph.Api.RateLimiting;

/// <summary>The partition key of per-address limits for a client's network address.</summary>
internal static class ClientAddressPartition
{
    /// <summary>
    /// IPv4 addresses as they are. An IPv6 client usually holds a whole /64 and could rotate through
    /// it to dodge a per-address limit, so IPv6 addresses count per /64.
    /// </summary>
    public static string? Of(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return $"{new IPAddress(bytes)}/64";
    }
}
