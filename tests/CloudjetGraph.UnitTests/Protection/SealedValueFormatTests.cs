using System.Text;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.UnitTests.Protection;

public sealed class SealedValueFormatTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ReadKeyId_WellFormedHeader_ReturnsKeyIdAndVersion(byte version)
    {
        var keyId = Guid.CreateVersion7();
        var value = new byte[45];
        value[0] = version;
        Assert.True(keyId.TryWriteBytes(value.AsSpan(1, 16)));

        Assert.Equal(keyId, SealedValueFormat.ReadKeyId(value));
        Assert.Equal(version, SealedValueFormat.ReadVersion(value));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(44)]
    public void ReadKeyId_ShorterThanOverhead_ThrowsFieldIntegrityException(int length)
    {
        var value = new byte[length];
        if (length > 0)
        {
            value[0] = 2;
        }

        var exception = Assert.Throws<FieldIntegrityException>(() => SealedValueFormat.ReadKeyId(value));

        Assert.Equal("The stored value has an unknown format.", exception.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(0x80)]
    public void ReadKeyId_UnknownVersion_ThrowsFieldIntegrityException(byte version)
    {
        var value = new byte[64];
        value[0] = version;

        Assert.Throws<FieldIntegrityException>(() => SealedValueFormat.ReadKeyId(value));
        Assert.Throws<FieldIntegrityException>(() => SealedValueFormat.ReadVersion(value));
    }

    [Fact]
    public void CurrentVersion_IsTwoWithFortyFiveBytesOverhead()
    {
        Assert.Equal(2, SealedValueFormat.CurrentVersion);
        Assert.Equal(1, SealedValueFormat.RetiredVersion);
        Assert.Equal(45, SealedValueFormat.Overhead);
    }

    [Fact]
    public void ToAssociatedData_ProfileField_IsPinnedBytes()
    {
        var binding = new FieldBinding("profiles", "fullName", new Guid("0193a000-0000-7000-8000-00000000abcd"));

        var associatedData = binding.ToAssociatedData(SealedValueFormat.CurrentVersion);

        Assert.Equal("cloudjet/field|v2|profiles|fullName|0193a00000007000800000000000abcd", Encoding.UTF8.GetString(associatedData));
    }

    [Fact]
    public void TryReadKeyId_HeaderAlone_ReturnsKeyId()
    {
        var keyId = Guid.CreateVersion7();
        var header = new byte[SealedValueFormat.KeyHeaderSize];
        header[0] = SealedValueFormat.CurrentVersion;
        Assert.True(keyId.TryWriteBytes(header.AsSpan(1)));

        Assert.True(SealedValueFormat.TryReadKeyId(header, out var read));
        Assert.Equal(keyId, read);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(16, 2)]
    [InlineData(17, 0)]
    [InlineData(17, 1)]
    public void TryReadKeyId_ShortOrUnknownVersion_ReturnsFalse(int length, byte version)
    {
        var header = new byte[length];
        if (length > 0)
        {
            header[0] = version;
        }

        Assert.False(SealedValueFormat.TryReadKeyId(header, out _));
    }
}
