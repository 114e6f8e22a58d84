using System.Buffers.Binary;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// The header of a Data Protection payload: a magic number (bytes 0..3), then the id of the ring
/// key that protects it (bytes 4..19). So the master key behind a wrapped data key is known
/// without unwrapping it.
/// </summary>
internal static class DataProtectionPayload
{
    private const uint MagicHeader = 0x09F0C9F0;
    private const int KeyIdOffset = sizeof(uint);
    private const int KeyIdSize = 16;

    /// <summary>Reads the ring key id; false when the bytes do not start like a Data Protection payload.</summary>
    public static bool TryReadKeyId(ReadOnlySpan<byte> payload, out Guid keyId)
    {
        if (payload.Length < KeyIdOffset + KeyIdSize || BinaryPrimitives.ReadUInt32BigEndian(payload) != MagicHeader)
        {
            keyId = Guid.Empty;
            return false;
        }

        keyId = new Guid(payload.Slice(KeyIdOffset, KeyIdSize));
        return true;
    }
}
