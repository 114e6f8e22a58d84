namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Layout of a sealed value: <c>version (1) | data key id (16) | nonce (12) | ciphertext | tag (16)</c>.
/// The header names the data key, so the key protecting any value is known without decrypting it.
/// </summary>
public static class SealedValueFormat
{
    /// <summary>The only format version written today.</summary>
    public const byte CurrentVersion = 1;

    internal const int KeyIdSize = 16;
    internal const int NonceSize = 12;
    internal const int TagSize = 16;
    internal const int HeaderSize = 1 + KeyIdSize + NonceSize;
    internal const int Overhead = HeaderSize + TagSize;

    /// <summary>The leading bytes that name the data key: version and key id.</summary>
    public const int KeyHeaderSize = 1 + KeyIdSize;

    /// <summary>Reads the data key id from a sealed value's header without decrypting it.</summary>
    /// <exception cref="FieldIntegrityException">The value is too short or of an unknown version.</exception>
    public static Guid ReadDataKeyId(ReadOnlySpan<byte> sealedValue)
    {
        if (sealedValue.Length < Overhead || sealedValue[0] != CurrentVersion)
        {
            throw new FieldIntegrityException("The stored value has an unknown format.");
        }

        return new Guid(sealedValue.Slice(1, KeyIdSize));
    }

    /// <summary>
    /// Reads the data key id from a value's first <see cref="KeyHeaderSize"/> bytes, so a census can
    /// count values per key from their headers alone.
    /// </summary>
    /// <returns>False when the header is shorter or of an unknown version.</returns>
    public static bool TryReadDataKeyId(ReadOnlySpan<byte> header, out Guid dataKeyId)
    {
        if (header.Length < KeyHeaderSize || header[0] != CurrentVersion)
        {
            dataKeyId = Guid.Empty;
            return false;
        }

        dataKeyId = new Guid(header.Slice(1, KeyIdSize));
        return true;
    }
}
