namespace CloudjetGraph.Core.Protection;

/// <summary>
/// How <see cref="Profiles.ProfileSealer"/> seals and opens personal fields: <see cref="FieldCipher"/>.
/// An interface only so the benchmark can measure a page without decryption; no setting chooses another.
/// </summary>
public interface IFieldCipher
{
    /// <summary>Seals <paramref name="plaintext"/> for the given row and column under <paramref name="key"/>.</summary>
    internal byte[] Seal(string plaintext, PersonKey key, FieldBinding binding);

    /// <summary>Opens a sealed value that must belong to the given row and column and be sealed under <paramref name="key"/>.</summary>
    /// <exception cref="FieldIntegrityException">Tampered, moved, malformed, of the retired format, or sealed under another key.</exception>
    internal string Open(byte[] sealedValue, PersonKey key, FieldBinding binding);

    /// <summary>Opens a sealed value under <paramref name="oldKey"/> and seals it for the same row and column under <paramref name="newKey"/>.</summary>
    /// <exception cref="FieldIntegrityException">As <see cref="Open"/>.</exception>
    internal byte[] Reseal(byte[] sealedValue, PersonKey oldKey, PersonKey newKey, FieldBinding binding);
}
