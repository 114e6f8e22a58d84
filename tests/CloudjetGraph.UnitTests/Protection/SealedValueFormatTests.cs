using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.UnitTests.Protection;

public sealed class SealedValueFormatTests
{
    [Fact]
    public void ReadDataKeyId_WellFormedHeader_ReturnsKeyId()
    {
        var keyId = Guid.CreateVersion7();
        var value = new byte[45];
        value[0] = 1;
        Assert.True(keyId.TryWriteBytes(value.AsSpan(1, 16)));

        Assert.Equal(keyId, SealedValueFormat.ReadDataKeyId(value));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(44)]
    public void ReadDataKeyId_ShorterThanOverhead_ThrowsFieldIntegrityException(int length)
    {
        var value = new byte[length];
        if (length > 0)
        {
            value[0] = 1;
        }

        var exception = Assert.Throws<FieldIntegrityException>(() => SealedValueFormat.ReadDataKeyId(value));

        Assert.Equal("The stored value has an unknown format.", exception.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(0x80)]
    public void ReadDataKeyId_UnknownVersion_ThrowsFieldIntegrityException(byte version)
    {
        var value = new byte[64];
        value[0] = version;

        Assert.Throws<FieldIntegrityException>(() => SealedValueFormat.ReadDataKeyId(value));
    }

    [Fact]
    public void CurrentVersion_IsOne()
    {
        Assert.Equal(1, SealedValueFormat.CurrentVersion);
        Assert.Equal(45, SealedValueFormat.Overhead);
    }

    [Fact]
    public void TryReadDataKeyId_HeaderAlone_ReturnsKeyId()
    {
        var keyId = Guid.CreateVersion7();
        var header = new byte[SealedValueFormat.KeyHeaderSize];
        header[0] = 1;
        Assert.True(keyId.TryWriteBytes(header.AsSpan(1)));

        Assert.True(SealedValueFormat.TryReadDataKeyId(header, out var read));
        Assert.Equal(keyId, read);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(16, 1)]
    [InlineData(17, 0)]
    [InlineData(17, 2)]
    public void TryReadDataKeyId_ShortOrUnknownVersion_ReturnsFalse(int length, byte version)
    {
        var header = new byte[length];
        if (length > 0)
        {
            header[0] = version;
        }

        Assert.False(SealedValueFormat.TryReadDataKeyId(header, out _));
    }
}
