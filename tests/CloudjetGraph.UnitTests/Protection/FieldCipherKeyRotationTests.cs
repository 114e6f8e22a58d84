using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.UnitTests.Protection;

public sealed class FieldCipherKeyRotationTests : IDisposable
{
    private readonly TestKeys _keys = new();
    private readonly UnwrappedDataKey _newKey = TestKeys.NewKey(DataKeyPurpose.FieldEncryption);
    private readonly FieldBinding _binding = TestKeys.NewBinding("jobTitle");

    [Fact]
    public void Open_ValueSealedUnderRetiredKey_StillOpensAfterRotation()
    {
        var oldValue = _keys.Cipher.Seal("Trưởng phòng", _binding);

        Rotate();

        Assert.Equal(_keys.FieldKey.Id, SealedValueFormat.ReadDataKeyId(oldValue));
        Assert.Equal("Trưởng phòng", _keys.Cipher.Open(oldValue, _binding));
    }

    [Fact]
    public void Seal_AfterRotation_UsesNewActiveKey()
    {
        _ = _keys.Cipher.Seal("Nhân viên", _binding);

        Rotate();
        var newValue = _keys.Cipher.Seal("Giám đốc", _binding);

        Assert.Equal(_newKey.Id, SealedValueFormat.ReadDataKeyId(newValue));
        Assert.Equal("Giám đốc", _keys.Cipher.Open(newValue, _binding));
    }

    [Fact]
    public void Open_ValueSealedUnderRetiredKey_OpensWithFreshCipher()
    {
        var oldValue = _keys.Cipher.Seal("Chuyên viên", _binding);
        Rotate();
        using var freshCipher = new FieldCipher(_keys.Ring, _keys.Metrics);

        Assert.Equal("Chuyên viên", freshCipher.Open(oldValue, _binding));
    }

    [Fact]
    public void Open_ValueOfKeyNoLongerLoaded_ThrowsFieldIntegrityException()
    {
        var oldValue = _keys.Cipher.Seal("Phó phòng", _binding);

        _keys.Ring.Load([_newKey, _keys.IndexKey]);

        var exception = Assert.Throws<FieldIntegrityException>(() => _keys.Cipher.Open(oldValue, _binding));
        Assert.Equal($"Data key {_keys.FieldKey.Id} is not available.", exception.Message);
    }

    [Fact]
    public void Seal_NoActiveFieldKey_ThrowsInvalidOperationException()
    {
        _keys.Ring.Load([_keys.FieldKey with { IsActive = false }, _keys.IndexKey]);

        var exception = Assert.Throws<InvalidOperationException>(() => _keys.Cipher.Seal("Thực tập sinh", _binding));

        Assert.DoesNotContain("Thực tập sinh", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _keys.Dispose();

    private void Rotate() => _keys.Ring.Load([_keys.FieldKey with { IsActive = false }, _newKey, _keys.IndexKey]);
}
