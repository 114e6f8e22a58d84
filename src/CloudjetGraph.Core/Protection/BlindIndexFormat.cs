namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Layout of a blind-index entry: <c>version (1) | blind-index data key id (16) | HMAC-SHA256 (32)</c>.
/// The key id lets a lookup match entries made under any loaded index key while a reindex moves
/// them to the active one, and lets a census count entries per key from the stored bytes alone.
/// Version 2 MACs under a key derived per column; version 1 under the data key itself, for every column.
/// </summary>
internal static class BlindIndexFormat
{
    /// <summary>The version written: a key derived per column (<see cref="BlindIndexColumn"/>).</summary>
    public const byte CurrentVersion = 2;

    /// <summary>The version before per-column keys: still matched, until <c>keys reindex</c> moves its entries.</summary>
    public const byte LegacyVersion = 1;

    internal const int KeyIdSize = 16;

    /// <summary>The leading bytes that name the key: version and key id.</summary>
    public const int KeyHeaderSize = 1 + KeyIdSize;

    /// <summary>The HMAC-SHA256 that follows the header.</summary>
    public const int MacSize = 32;

    /// <summary>The length of every entry.</summary>
    public const int Size = KeyHeaderSize + MacSize;

    /// <summary>The header every current entry under <paramref name="keyId"/> starts with.</summary>
    public static byte[] Header(Guid keyId) => Header(CurrentVersion, keyId);

    /// <summary>The header of an entry of <paramref name="version"/> under <paramref name="keyId"/>.</summary>
    public static byte[] Header(byte version, Guid keyId)
    {
        var header = new byte[KeyHeaderSize];
        header[0] = version;
        keyId.TryWriteBytes(header.AsSpan(1, KeyIdSize));
        return header;
    }

    /// <summary>A current entry: the header of <paramref name="keyId"/> followed by the MAC.</summary>
    /// <exception cref="ArgumentException">The MAC is not <see cref="MacSize"/> bytes.</exception>
    public static byte[] Write(Guid keyId, ReadOnlySpan<byte> mac) => Write(CurrentVersion, keyId, mac);

    /// <summary>An entry of <paramref name="version"/>: its header followed by the MAC.</summary>
    /// <exception cref="ArgumentException">The MAC is not <see cref="MacSize"/> bytes.</exception>
    public static byte[] Write(byte version, Guid keyId, ReadOnlySpan<byte> mac)
    {
        if (mac.Length != MacSize)
        {
            throw new ArgumentException($"A blind-index MAC has {MacSize} bytes.", nameof(mac));
        }

        var entry = new byte[Size];
        Header(version, keyId).CopyTo(entry, 0);
        mac.CopyTo(entry.AsSpan(KeyHeaderSize));
        return entry;
    }

    /// <summary>
    /// Reads the key id from an entry's first <see cref="KeyHeaderSize"/> bytes, so a census can
    /// count entries per key without any key.
    /// </summary>
    /// <returns>False when the header is shorter or of neither version (an entry from before the format).</returns>
    public static bool TryReadKeyId(ReadOnlySpan<byte> header, out Guid keyId)
    {
        if (header.Length < KeyHeaderSize || header[0] is not (CurrentVersion or LegacyVersion))
        {
            keyId = Guid.Empty;
            return false;
        }

        keyId = new Guid(header.Slice(1, KeyIdSize));
        return true;
    }
}
