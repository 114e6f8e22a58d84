using CloudjetGraph.Core.Audit;

namespace CloudjetGraph.UnitTests.Audit;

/// <summary>The head that <c>audit verify</c> prints reads back as itself; anything else is refused.</summary>
public sealed class AuditAnchorTests
{
    [Fact]
    public void TryParse_PrintedHead_RoundTrips()
    {
        var link = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var printed = new AuditAnchor(42, link).ToString();

        Assert.True(AuditAnchor.TryParse(printed, out var anchor));
        Assert.Equal("42:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", printed);
        Assert.Equal(42L, anchor!.Sequence);
        Assert.Equal(link, anchor.Link);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("42")]
    [InlineData("42:abcd")]
    [InlineData("-1:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")]
    [InlineData("0:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")]
    [InlineData("42:zz0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")]
    [InlineData("42:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f:1")]
    public void TryParse_Malformed_IsRefused(string? text)
    {
        Assert.False(AuditAnchor.TryParse(text, out var anchor));
        Assert.Null(anchor);
    }
}
