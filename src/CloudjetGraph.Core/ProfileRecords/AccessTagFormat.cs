using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace CloudjetGraph.Core.ProfileRecords;

/// <summary>
/// Layout of a profile's access tag, <c>version (1) | data key id (16) | HMAC-SHA256 (32)</c>, and
/// the canonical bytes the HMAC covers. Every name below reaches stored tags, so each is a fixed
/// string, never derived from a C# identifier that a rename would change.
/// </summary>
internal static class AccessTagFormat
{
    /// <summary>The only format version written today.</summary>
    public const byte CurrentVersion = 1;

    public const int KeyIdSize = 16;
    public const int MacOffset = 1 + KeyIdSize;
    public const int Size = MacOffset + 32;

    /// <summary>Reads the key id from a tag's first <see cref="MacOffset"/> bytes; false when shorter or of an unknown version.</summary>
    public static bool TryReadKeyId(ReadOnlySpan<byte> header, out Guid keyId)
    {
        if (header.Length < MacOffset || header[0] != CurrentVersion)
        {
            keyId = Guid.Empty;
            return false;
        }

        keyId = new Guid(header.Slice(1, KeyIdSize));
        return true;
    }

    // Domain separation: these bytes can never be confused with another HMAC made under any key.
    public const string Domain = "cloudjet/profile-access-tag";

    /// <summary>
    /// The HMAC input: the domain, the version and key id of the tag, then each covered column as
    /// its name, a presence byte and its value, every name and value prefixed with its length
    /// (uint32, big-endian), so no two different rows encode to the same bytes.
    /// </summary>
    public static byte[] Encode(byte version, Guid keyId, Profile profile)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        LengthPrefixed(buffer, Encoding.UTF8.GetBytes(Domain));
        buffer.Write([version]);
        buffer.Write(keyId.ToByteArray());
        Field(buffer, "id", profile.Id.ToByteArray());
        Field(buffer, "organizationId", profile.OrganizationId.ToByteArray());
        Field(buffer, "passwordHash", profile.PasswordHash);
        Field(buffer, "consentAcceptedAt", Microseconds(profile.ConsentAcceptedAt));
        Field(buffer, "consentPolicyVersion", Encoding.UTF8.GetBytes(profile.ConsentPolicyVersion));
        Field(buffer, "consentWithdrawnAt", profile.ConsentWithdrawnAt is { } withdrawnAt ? Microseconds(withdrawnAt) : null);

        // A restriction decides what staff may read, so it is covered too; an unrestricted row
        // encodes as it did before restrictions existed, so the tags stamped then stay valid.
        if (profile.RestrictedAt is { } restrictedAt)
        {
            Field(buffer, "restrictedAt", Microseconds(restrictedAt));
            Field(buffer, "restrictionReason", profile.RestrictionReason is { } reason ? Encoding.UTF8.GetBytes(reason) : null);
            Field(buffer, "restrictedBy", profile.RestrictedBy is { } by ? Encoding.UTF8.GetBytes(by) : null);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Field(ArrayBufferWriter<byte> buffer, string name, byte[]? value)
    {
        LengthPrefixed(buffer, Encoding.UTF8.GetBytes(name));
        buffer.Write([value is null ? (byte)0 : (byte)1]);
        if (value is not null)
        {
            LengthPrefixed(buffer, value);
        }
    }

    private static void LengthPrefixed(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes)
    {
        BinaryPrimitives.WriteUInt32BigEndian(buffer.GetSpan(sizeof(uint)), (uint)bytes.Length);
        buffer.Advance(sizeof(uint));
        buffer.Write(bytes);
    }

    // The instant in UTC microseconds since the Unix epoch: the offset is not access-relevant, and
    // microseconds survive a round trip through PostgreSQL, whose timestamps hold no finer unit.
    private static byte[] Microseconds(DateTimeOffset value)
    {
        var bytes = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(bytes, (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond);
        return bytes;
    }
}
