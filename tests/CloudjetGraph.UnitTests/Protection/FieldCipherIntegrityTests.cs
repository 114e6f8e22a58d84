using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.UnitTests.Protection;

public sealed class FieldCipherIntegrityTests : IDisposable
{
    private const string Plaintext = "Hoàng Thị Ngọc Lan";

    // version (1) | key id (16) | nonce (12) | ciphertext | tag (16)
    private const int NonceOffset = 17;
    private const int CiphertextOffset = 29;

    private readonly TestKeys _keys = new();
    private readonly FieldBinding _binding = TestKeys.NewBinding();
    private readonly byte[] _sealed;

    public FieldCipherIntegrityTests()
    {
        _sealed = _keys.Cipher.Seal(Plaintext, _keys.KeyFor(_binding), _binding);
    }

    [Fact]
    public void Open_ValueMovedToAnotherColumn_ThrowsFieldIntegrityException()
    {
        AssertRefused(_sealed, _binding with { Column = "department" });
    }

    [Fact]
    public void Open_ValueMovedToAnotherRow_ThrowsFieldIntegrityException()
    {
        AssertRefused(_sealed, _binding with { RowId = Guid.CreateVersion7() });
    }

    [Fact]
    public void Open_ValueMovedToAnotherTable_ThrowsFieldIntegrityException()
    {
        AssertRefused(_sealed, _binding with { Table = "organizations" });
    }

    [Fact]
    public void Open_MovedValue_MessageNamesBindingButNotPlaintext()
    {
        var otherRow = _binding with { RowId = Guid.CreateVersion7() };

        var exception = Assert.Throws<FieldIntegrityException>(() => _keys.Cipher.Open(_sealed, _keys.KeyFor(otherRow), otherRow));

        Assert.Equal($"The profiles.fullName value of row {otherRow.RowId} is not sealed under the row's person key.", exception.Message);
    }

    [Theory]
    [InlineData(0)] // version
    [InlineData(1)] // first key id byte
    [InlineData(16)] // last key id byte
    [InlineData(NonceOffset)] // first nonce byte
    [InlineData(CiphertextOffset - 1)] // last nonce byte
    [InlineData(CiphertextOffset)] // first ciphertext byte
    [InlineData(-17)] // last ciphertext byte
    [InlineData(-16)] // first tag byte
    [InlineData(-1)] // last tag byte
    public void Open_FlippedBitInRegion_ThrowsFieldIntegrityException(int offset)
    {
        var tampered = (byte[])_sealed.Clone();
        tampered[offset >= 0 ? offset : tampered.Length + offset] ^= 0x01;

        AssertRefused(tampered, _binding);
    }

    [Fact]
    public void Open_AnySingleFlippedBit_ThrowsFieldIntegrityException()
    {
        for (var bit = 0; bit < _sealed.Length * 8; bit++)
        {
            var tampered = (byte[])_sealed.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));

            AssertRefused(tampered, _binding);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(44)] // one byte short of an empty value's sealed form
    [InlineData(-1)] // last tag byte cut off
    [InlineData(-16)] // whole tag cut off
    public void Open_TruncatedValue_ThrowsFieldIntegrityException(int length)
    {
        var truncated = _sealed[..(length >= 0 ? length : _sealed.Length + length)];

        AssertRefused(truncated, _binding);
    }

    [Fact]
    public void Open_ExtraTrailingByte_ThrowsFieldIntegrityException()
    {
        AssertRefused([.. _sealed, 0x00], _binding);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(255)]
    public void Open_UnknownVersion_ThrowsFieldIntegrityException(byte version)
    {
        var other = (byte[])_sealed.Clone();
        other[0] = version;

        var exception = AssertRefused(other, _binding);

        Assert.Equal("The stored value has an unknown format.", exception.Message);
    }

    [Fact]
    public void Open_UnknownKeyId_ThrowsFieldIntegrityException()
    {
        var other = (byte[])_sealed.Clone();
        Assert.True(Guid.NewGuid().TryWriteBytes(other.AsSpan(1, 16)));

        var exception = AssertRefused(other, _binding);

        Assert.Equal($"The profiles.fullName value of row {_binding.RowId} is not sealed under the row's person key.", exception.Message);
    }

    [Fact]
    public void Open_ValueSealedByAnotherKeyRing_ThrowsFieldIntegrityException()
    {
        using var otherKeys = new TestKeys();
        var foreign = otherKeys.Cipher.Seal(Plaintext, otherKeys.KeyFor(_binding), _binding);

        AssertRefused(foreign, _binding);
    }

    [Fact]
    public void Open_ValueCopiedFromAnotherProfile_ThrowsFieldIntegrityException()
    {
        var otherProfile = TestKeys.NewBinding();
        var copied = _keys.Cipher.Seal(Plaintext, _keys.KeyFor(otherProfile), otherProfile);

        AssertRefused(copied, _binding);
    }

    [Fact]
    public void Open_HeaderRewrittenToTheRowsKey_ThrowsFieldIntegrityException()
    {
        // A value from another profile, its header rewritten to name this row's key: the tag decides.
        var otherProfile = TestKeys.NewBinding();
        var copied = _keys.Cipher.Seal(Plaintext, _keys.KeyFor(otherProfile), otherProfile);
        Assert.True(_keys.KeyFor(_binding).Id.TryWriteBytes(copied.AsSpan(1, 16)));

        var exception = AssertRefused(copied, _binding);

        Assert.Equal($"The profiles.fullName value of row {_binding.RowId} failed its integrity check.", exception.Message);
    }

    [Fact]
    public void Open_RetiredFormatOne_ThrowsFieldIntegrityException()
    {
        var retired = (byte[])_sealed.Clone();
        retired[0] = SealedValueFormat.RetiredVersion;

        var exception = AssertRefused(retired, _binding);

        Assert.Equal("The stored value has the retired format 1 (development data from before person keys).", exception.Message);
    }

    public void Dispose() => _keys.Dispose();

    private FieldIntegrityException AssertRefused(byte[] sealedValue, FieldBinding binding)
    {
        var exception = Assert.Throws<FieldIntegrityException>(() => _keys.Cipher.Open(sealedValue, _keys.KeyFor(binding), binding));
        Assert.DoesNotContain(Plaintext, exception.ToString(), StringComparison.Ordinal);
        return exception;
    }
}
