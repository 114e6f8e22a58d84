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

    // Format 2: HMAC-SHA256 of the normalised address under HKDF-SHA256(data key, no salt,
    // "cloudjet/blind-index/v2|" + the column's label), computed in Python (hmac, hashlib) from RFC 5869.
    [Theory]
    [InlineData("profiles|email", "0200a093010000007080000000000000b192857a797b22da5e78a24726f70d2cd026ba75429a00a4513cead8a9e807ab03")]
    [InlineData("profiles|loginEmail", "0200a093010000007080000000000000b1f7f6ff84e85a8f1f2c7d3d2d70e17ac9f9ae0b199d73ca611ef29838c55bc8c2")]
    [InlineData("invitations|email", "0200a093010000007080000000000000b1ba0ff27b6d01aa947bbd00e6be1a05e2cacbd56e39030669edb00ec88d20a7fe")]
    public void ForEmail_KnownKeyEmailAndColumn_GivesPinnedEntry(string label, string expected)
    {
        var column = BlindIndexColumn.All.Single(c => c.Label == label);

        var entry = new BlindIndex(Ring()).ForEmail(column, "  An.Nguyen@SaoMaiViet.vn ");

        Assert.Equal(expected, Convert.ToHexStringLower(entry));
    }

    // Format 1, still matched until a reindex moves its entries: the second candidate, after the current format's.
    [Fact]
    public void CandidatesForEmail_KnownKeyAndEmail_IncludesPinnedFormatOneEntry()
    {
        var candidates = new BlindIndex(Ring()).CandidatesForEmail(BlindIndexColumn.ProfileLoginEmail, "  An.Nguyen@SaoMaiViet.vn ");

        Assert.Equal(
            "0100a093010000007080000000000000b17eae339070f14cd7171a2ac46732217d0e3a00675976ca331410ed5ab1b41c79",
            Convert.ToHexStringLower(candidates[1]));
    }

    [Fact]
    public void ColumnLabels_AreFixed()
    {
        Assert.Equal(["profiles|email", "profiles|loginEmail", "invitations|email"], BlindIndexColumn.All.Select(column => column.Label));
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
        var entry = new BlindIndex(Ring()).CandidatesForEmail(BlindIndexColumn.ProfileLoginEmail, spelling)[1];

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
    [InlineData(3)]
    [InlineData(0xFF)]
    public void TryReadKeyId_UnknownVersion_ReturnsFalse(byte version)
    {
        var header = BlindIndexFormat.Header(KeyId);
        header[0] = version;

        Assert.False(BlindIndexFormat.TryReadKeyId(header, out _));
    }

    [Fact]
    public void TryReadKeyId_FormatOneHeader_ReturnsItsKeyId()
    {
        Assert.True(BlindIndexFormat.TryReadKeyId(BlindIndexFormat.Header(BlindIndexFormat.LegacyVersion, KeyId), out var keyId));
        Assert.Equal(KeyId, keyId);
    }

    private static DataKeyRing Ring()
    {
        var ring = new DataKeyRing();
        ring.Load([new UnwrappedDataKey(KeyId, DataKeyPurpose.BlindIndex, [.. Enumerable.Range(0, 32).Select(i => (byte)i)], IsActive: true, DevelopmentOnly: true)]);
        return ring;
    }
}
