using CloudjetGraph.Core.Protection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.UnitTests.Protection;

public sealed class DataProtectionPayloadTests
{
    [Fact]
    public void TryReadKeyId_RealPayload_NamesTheRingKeyThatProtectedIt()
    {
        var ring = Directory.CreateTempSubdirectory("cloudjet-payload-");
        try
        {
            using var services = new ServiceCollection().AddDataProtection().PersistKeysToFileSystem(ring).Services.BuildServiceProvider();
            var payload = services.GetDataProtector("test").Protect([1, 2, 3]);
            var ringKey = Assert.Single(services.GetRequiredService<IKeyManager>().GetAllKeys());

            Assert.True(DataProtectionPayload.TryReadKeyId(payload, out var keyId));
            Assert.Equal(ringKey.KeyId, keyId);
        }
        finally
        {
            ring.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(19)]
    public void TryReadKeyId_ShorterThanHeader_ReturnsFalse(int length)
    {
        var payload = new byte[length];
        if (length >= 4)
        {
            new byte[] { 0x09, 0xF0, 0xC9, 0xF0 }.CopyTo(payload, 0);
        }

        Assert.False(DataProtectionPayload.TryReadKeyId(payload, out _));
    }

    [Fact]
    public void TryReadKeyId_WrongMagic_ReturnsFalse()
    {
        var payload = new byte[64];
        new byte[] { 0x09, 0xF0, 0xC9, 0xF1 }.CopyTo(payload, 0);

        Assert.False(DataProtectionPayload.TryReadKeyId(payload, out _));
    }
}
