using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.UnitTests.Protection;

/// <summary>
/// Pins the stored entry format. The expected entry was computed outside .NET (Python's hmac and
/// uuid modules, <c>bytes_le</c> for .NET's GUID byte order) from the format as docs/encryption.md
/// describes it, so a change here breaks every stored entry.
/// </summary>
public sealed class BlindIndexFormatTests
{
    private static readonly Guid KeyId = new("0193a000-0000-7000-8000-0000000000b1");

    [Fact]
    public void ForEmail_KnownKeyAndEmail_GivesPinnedEntry()
    {
        var ring = new DataKeyRing();
        ring.Load([new UnwrappedDataKey(KeyId, DataKeyPurpose.BlindIndex, [.. Enumerable.Range(0, 32).Select(i => (byte)i)], IsActive: true, DevelopmentOnly: true)]);

        var entry = new BlindIndex(ring).ForEmail("  An.Nguyen@SaoMaiViet.vn ");

        Assert.Equal(
            "0100a093010000007080000000000000b17eae339070f14cd7171a2ac46732217d0e3a00675976ca331410ed5ab1b41c79",
            Convert.ToHexStringLower(entry));
    }

    // Stored profiles' addresses carried their domain in Unicode form before lookups mapped domains,
    // so their entries were computed from that form: every spelling of the domain must give that
    // entry, or those rows would need a reindex. Also computed in Python from the Unicode form.
    [Theory]
    [InlineData("hoa@bücher.vn")]
    [InlineData("hoa@xn--bcher-kva.vn")]
    [InlineData(" HOA@XN--BCHER-KVA.VN")]
    [InlineData("hoa@Bücher.vn")]
    public void ForEmail_AnySpellingOfAnIdnDomain_GivesTheEntryOfItsUnicodeForm(string spelling)
    {
        var ring = new DataKeyRing();
        ring.Load([new UnwrappedDataKey(KeyId, DataKeyPurpose.BlindIndex, [.. Enumerable.Range(0, 32).Select(i => (byte)i)], IsActive: true, DevelopmentOnly: true)]);

        var entry = new BlindIndex(ring).ForEmail(spelling);

        Assert.Equal(
            "0100a093010000007080000000000000b12a6e566968dae2655ba4b4fe7b8794772e01e07edf7bba0ef7dfbef2b6ce3603",
            Convert.ToHexStringLower(entry));
    }

    [Fact]
    public void Write_KeyAndMac_LaysOutVersionKeyIdMac()
    {
        var mac = Enumerable.Range(100, BlindIndexFormat.MacSize).Select(i => (byte)i).ToArray();

        var entry = BlindIndexFormat.Write(KeyId, mac);

        Assert.Equal(49, entry.Length);
        Assert.Equal(BlindIndexFormat.CurrentVersion, entry[0]);
        Assert.Equal(KeyId, new Guid(entry.AsSpan(1, 16)));
        Assert.Equal(mac, entry[17..]);
        Assert.Equal(BlindIndexFormat.Header(KeyId), entry[..BlindIndexFormat.KeyHeaderSize]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Write_MacOfWrongLength_ThrowsArgumentException(int length)
    {
        Assert.Throws<ArgumentException>(() => BlindIndexFormat.Write(KeyId, new byte[length]));
    }

    [Fact]
    public void TryReadKeyId_HeaderOfEntry_ReturnsItsKeyId()
    {
        var entry = BlindIndexFormat.Write(KeyId, new byte[BlindIndexFormat.MacSize]);

        Assert.True(BlindIndexFormat.TryReadKeyId(entry.AsSpan(0, BlindIndexFormat.KeyHeaderSize), out var keyId));
        Assert.Equal(KeyId, keyId);
    }

    [Fact]
    public void TryReadKeyId_ShortHeader_ReturnsFalse()
    {
        var header = BlindIndexFormat.Header(KeyId);

        Assert.False(BlindIndexFormat.TryReadKeyId(header.AsSpan(0, BlindIndexFormat.KeyHeaderSize - 1), out var keyId));
        Assert.Equal(Guid.Empty, keyId);
        Assert.False(BlindIndexFormat.TryReadKeyId([], out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(0xFF)]
    public void TryReadKeyId_UnknownVersion_ReturnsFalse(byte version)
    {
        var header = BlindIndexFormat.Header(KeyId);
        header[0] = version;

        Assert.False(BlindIndexFormat.TryReadKeyId(header, out _));
    }
}
