namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Layout of a sealed value: <c>version (1) | key id (16) | nonce (12) | ciphertext | tag (16)</c>.
/// In version 2, the only one written and opened, the key id names the profile's person key (in the
/// retired version 1 it named a data key). The key protecting any value is known without decrypting it.
/// </summary>
internal static class SealedValueFormat
{
    /// <summary>The only format version written and opened: sealed under a person key.</summary>
    public const byte CurrentVersion = 2;

    /// <summary>The retired development format, sealed under a field-encryption data key; never opened.</summary>
    public const byte RetiredVersion = 1;

    internal const int KeyIdSize = 16;
    internal const int NonceSize = 12;
    internal const int TagSize = 16;
    internal const int HeaderSize = 1 + KeyIdSize + NonceSize;
    internal const int Overhead = HeaderSize + TagSize;

    /// <summary>The leading bytes that name the key: version and key id.</summary>
    public const int KeyHeaderSize = 1 + KeyIdSize;

    /// <summary>The format version of a sealed value, read from its header without decrypting it.</summary>
    /// <exception cref="FieldIntegrityException">The value is too short or of an unknown version.</exception>
    public static byte ReadVersion(ReadOnlySpan<byte> sealedValue) =>
        sealedValue.Length >= Overhead && sealedValue[0] is CurrentVersion or RetiredVersion
            ? sealedValue[0]
            : throw new FieldIntegrityException("The stored value has an unknown format.");

    /// <summary>
    /// The key id in a sealed value's header, read without decrypting it: a person key id in version 2,
    /// a data key id in version 1 (see <see cref="ReadVersion"/>).
    /// </summary>
    /// <exception cref="FieldIntegrityException">The value is too short or of an unknown version.</exception>
    public static Guid ReadKeyId(ReadOnlySpan<byte> sealedValue)
    {
        ReadVersion(sealedValue);
        return new Guid(sealedValue.Slice(1, KeyIdSize));
    }

    /// <summary>
    /// Reads the person key id from a current-format value's first <see cref="KeyHeaderSize"/> bytes,
    /// so a census can count values per key from their headers alone.
    /// </summary>
    /// <returns>False when the header is shorter or not of the current version.</returns>
    public static bool TryReadKeyId(ReadOnlySpan<byte> header, out Guid personKeyId)
    {
        if (header.Length < KeyHeaderSize || header[0] != CurrentVersion)
        {
            personKeyId = Guid.Empty;
            return false;
        }

        personKeyId = new Guid(header.Slice(1, KeyIdSize));
        return true;
    }
}
