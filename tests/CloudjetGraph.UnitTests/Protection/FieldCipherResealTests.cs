using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.UnitTests.Protection;

/// <summary>The rekey's path: a value opened under the old person key and sealed under the new one, never as a string.</summary>
public sealed class FieldCipherResealTests : IDisposable
{
    private const string Plaintext = "Phạm Thị Thu Trang 📞";

    private readonly TestKeys _keys = new();
    private readonly FieldBinding _binding = TestKeys.NewBinding();

    [Fact]
    public void Reseal_Value_OpensUnderTheNewKeyOnlyWithAFreshNonce()
    {
        var oldKey = _keys.KeyFor(_binding);
        using var newKey = _keys.Wrapper.Create(_binding.RowId).Key;
        var sealedValue = _keys.Cipher.Seal(Plaintext, oldKey, _binding);

        var resealed = _keys.Cipher.Reseal(sealedValue, oldKey, newKey, _binding);

        Assert.Equal(newKey.Id, SealedValueFormat.ReadKeyId(resealed));
        Assert.Equal(Plaintext, _keys.Cipher.Open(resealed, newKey, _binding));
        Assert.Throws<FieldIntegrityException>(() => _keys.Cipher.Open(resealed, oldKey, _binding));
        Assert.NotEqual(sealedValue.AsSpan(17, 12).ToArray(), resealed.AsSpan(17, 12).ToArray());
    }

    [Fact]
    public void Reseal_ValueMovedToAnotherColumn_IsRefused()
    {
        var oldKey = _keys.KeyFor(_binding);
        using var newKey = _keys.Wrapper.Create(_binding.RowId).Key;
        var sealedValue = _keys.Cipher.Seal(Plaintext, oldKey, _binding);

        Assert.Throws<FieldIntegrityException>(() => _keys.Cipher.Reseal(sealedValue, oldKey, newKey, _binding with { Column = "phone" }));
    }

    [Fact]
    public void Reseal_TamperedValue_IsRefused()
    {
        var oldKey = _keys.KeyFor(_binding);
        using var newKey = _keys.Wrapper.Create(_binding.RowId).Key;
        var sealedValue = _keys.Cipher.Seal(Plaintext, oldKey, _binding);
        sealedValue[^1] ^= 1;

        Assert.Throws<FieldIntegrityException>(() => _keys.Cipher.Reseal(sealedValue, oldKey, newKey, _binding));
    }

    public void Dispose() => _keys.Dispose();
}
