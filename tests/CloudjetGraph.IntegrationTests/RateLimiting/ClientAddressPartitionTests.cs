using System.Net;
using CloudjetGraph.Api.RateLimiting;

namespace CloudjetGraph.IntegrationTests.RateLimiting;

public sealed class ClientAddressPartitionTests
{
    [Fact]
    public void Of_TwoAddressesInOneIPv6Slash64_ShareOnePartition()
    {
        var first = ClientAddressPartition.Of(IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));

        Assert.Equal("2001:db8:1:2::/64", first);
        Assert.Equal(first, ClientAddressPartition.Of(IPAddress.Parse("2001:db8:1:2::1")));
        Assert.NotEqual(first, ClientAddressPartition.Of(IPAddress.Parse("2001:db8:1:3::1")));
    }

    [Fact]
    public void Of_IPv4AndItsMappedIPv6Form_ShareOnePartition()
    {
        Assert.Equal("203.0.113.7", ClientAddressPartition.Of(IPAddress.Parse("203.0.113.7")));
        Assert.Equal("203.0.113.7", ClientAddressPartition.Of(IPAddress.Parse("::ffff:203.0.113.7")));
        Assert.NotEqual("203.0.113.7", ClientAddressPartition.Of(IPAddress.Parse("203.0.113.8")));
    }

    [Fact]
    public void Of_NoAddress_IsNull()
    {
        Assert.Null(ClientAddressPartition.Of(null));
    }
}
