using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CloudjetGraph.Core.Audit;

/// <summary>
/// The chain: each entry's link is SHA-256 over the previous entry's link (32 zero bytes before the
/// first) followed by the entry's canonical encoding. The encoding is versioned and fixed byte by byte
/// (docs/audit.md, pinned by a test), so it never depends on a C# name, a culture or a serializer:
/// version byte; sequence and time (Unix milliseconds) as big-endian 64-bit integers; kind,
/// actor subject, actor role, operation, target, outcome and detail as big-endian 32-bit byte
/// lengths and UTF-8; the count of profile rows, then per row in id order the id's 16 bytes
/// (big-endian) and its field list. Version 2, for an entry that records a purpose, adds the
/// purpose after the detail and each row's policy version after its fields (length -1 for none).
/// An entry with no purpose keeps version 1, so entries linked before purposes existed verify
/// as they were written; as the version byte is hashed, nulling a purpose breaks the link.
/// Version 3, for a release to a competent authority, adds after the purpose the law and the
/// provision, then the confidentiality hold: one byte 0 for none, or 1 and its end in Unix
/// milliseconds, so that nobody with write access to the database can lengthen, shorten or lift a
/// hold, or pass a disclosure off as a read, without <c>audit verify</c> noticing.
/// </summary>
internal static class AuditChainFormat
{
    /// <summary>The encoding of an entry without a purpose: every entry before purposes were recorded, and every entry but a release since.</summary>
    public const byte Version = 1;

    /// <summary>The encoding of an entry with a purpose (a release).</summary>
    public const byte PurposeVersion = 2;

    /// <summary>The encoding of a release to a competent authority: a purpose and the disclosure's law, provision and hold.</summary>
    public const byte DisclosureVersion = 3;

    private const int AbsentLength = -1;

    /// <summary>Bytes of a link.</summary>
    public const int LinkLength = AuditColumns.LinkLength;

    /// <summary>The link before the first entry.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[LinkLength];

    /// <summary>The link of <paramref name="entry"/> after <paramref name="previous"/>.</summary>
    public static byte[] Link(ReadOnlySpan<byte> previous, AuditEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Write(previous);
        Encode(buffer, entry);
        return SHA256.HashData(buffer.WrittenSpan);
    }

    /// <summary>Writes the canonical encoding of <paramref name="entry"/>.</summary>
    public static void Encode(IBufferWriter<byte> buffer, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(entry);
        var version = entry.DisclosureLaw is not null ? DisclosureVersion : entry.Purpose is not null ? PurposeVersion : Version;
        buffer.Write([version]);
        WriteInt64(buffer, entry.Sequence);
        WriteInt64(buffer, entry.At.ToUnixTimeMilliseconds());
        foreach (var text in new[] { entry.Kind, entry.ActorSubject, entry.ActorRole, entry.Operation, entry.Target, entry.Outcome, entry.Detail })
        {
            WriteText(buffer, text);
        }

        if (version >= PurposeVersion)
        {
            WriteOptionalText(buffer, entry.Purpose);
        }

        if (version == DisclosureVersion)
        {
            WriteOptionalText(buffer, entry.DisclosureLaw);
            WriteOptionalText(buffer, entry.DisclosureArticle);
            WriteOptionalTime(buffer, entry.ConfidentialUntil);
        }

        var profiles = entry.Profiles.OrderBy(p => p.ProfileId).ToList();
        WriteInt32(buffer, profiles.Count);
        foreach (var profile in profiles)
        {
            var id = buffer.GetSpan(16);
            profile.ProfileId.TryWriteBytes(id, bigEndian: true, out _);
            buffer.Advance(16);
            WriteText(buffer, profile.Fields);
            if (version >= PurposeVersion)
            {
                WriteOptionalText(buffer, profile.PolicyVersion);
            }
        }
    }

    private static void WriteOptionalText(IBufferWriter<byte> buffer, string? text)
    {
        if (text is null)
        {
            WriteInt32(buffer, AbsentLength);
        }
        else
        {
            WriteText(buffer, text);
        }
    }

    private static void WriteOptionalTime(IBufferWriter<byte> buffer, DateTimeOffset? at)
    {
        buffer.Write([at is null ? (byte)0 : (byte)1]);
        if (at is { } time)
        {
            WriteInt64(buffer, time.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>Writes <paramref name="text"/> as its UTF-8 length (big-endian 32-bit) and bytes: the encoding of every text field here and in a checkpoint's seal.</summary>
    internal static void WriteText(IBufferWriter<byte> buffer, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        WriteInt32(buffer, bytes.Length);
        buffer.Write(bytes);
    }

    private static void WriteInt32(IBufferWriter<byte> buffer, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    /// <summary>Writes <paramref name="value"/> big-endian.</summary>
    internal static void WriteInt64(IBufferWriter<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }
}
