using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CloudjetGraph.Core.Audit;

/// <summary>
/// What a <see cref="AuditEntryKinds.Checkpoint"/> entry attests, fixed byte by byte (docs/audit.md,
/// pinned by a test): its detail reads <c>pruned=N; before=TIME; digest=HEX</c>, the digest being
/// SHA-256 over the version byte 1 and, per pruned entry in sequence order, its sequence number
/// (big-endian 64-bit) and its 32-byte link. The checkpoint is itself chained, so changing a pruned
/// entry's stored link, adding one, or taking one away breaks either the digest or the checkpoint's link.
/// A sealed checkpoint (<see cref="AuditCheckpointSeal"/>) appends <c>; key=GUID; seal=HEX</c> to that detail.
/// </summary>
internal static class AuditCheckpointFormat
{
    /// <summary>The digest's version byte.</summary>
    public const byte Version = 1;

    /// <summary>The seal's version byte, the first byte of what it covers.</summary>
    public const byte SealVersion = 1;

    /// <summary>Derives the sealing key from the row-integrity key, so the two uses never share a key. Fixed: it reaches stored seals.</summary>
    public const string SealKeyLabel = "CloudjetGraph.Audit.CheckpointSeal.v1";

    private const string DigestLabel = "digest=";
    private const string SealSeparator = "; ";
    private const string KeyLabel = "key=";
    private const string SealLabel = "seal=";
    private const int SealHexLength = 64;

    /// <summary>The digest over <paramref name="pruned"/>, which must be in sequence order.</summary>
    public static byte[] Digest(IEnumerable<AuditPrunedEntry> pruned)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([Version]);
        Span<byte> sequence = stackalloc byte[sizeof(long)];
        foreach (var entry in pruned)
        {
            BinaryPrimitives.WriteInt64BigEndian(sequence, entry.Sequence);
            hash.AppendData(sequence);
            hash.AppendData(entry.Link);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>The checkpoint's detail: how many entries, the cut-off they were older than, and their digest.</summary>
    public static string Detail(int count, DateTimeOffset before, byte[] digest) =>
        string.Create(CultureInfo.InvariantCulture, $"pruned={count}; before={before.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}; {DigestLabel}{Convert.ToHexStringLower(digest)}");

    /// <summary>The digest a checkpoint's detail names; null when it names none.</summary>
    public static byte[]? DigestOf(string detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var at = detail.LastIndexOf(DigestLabel, StringComparison.Ordinal);
        var hex = at < 0 ? string.Empty : FieldValue(detail, at + DigestLabel.Length);
        return hex.Length == AuditChainFormat.LinkLength * 2 ? FromHex(hex) : null;
    }

    /// <summary>
    /// The seal of checkpoint <paramref name="sequence"/>: HMAC-SHA256, under a key derived from
    /// <paramref name="dataKey"/> by HMAC-SHA256 of <see cref="SealKeyLabel"/>, over the seal's version
    /// byte 1, the sequence number (big-endian 64-bit), the previous entry's 32-byte link, then the
    /// target and the unsealed detail, each as its UTF-8 length (big-endian 32-bit) and bytes.
    /// </summary>
    public static byte[] SealOf(byte[] dataKey, long sequence, ReadOnlySpan<byte> previousLink, string target, string detail)
    {
        var sealingKey = HMACSHA256.HashData(dataKey, Encoding.UTF8.GetBytes(SealKeyLabel));
        var covered = new ArrayBufferWriter<byte>();
        covered.Write([SealVersion]);
        AuditChainFormat.WriteInt64(covered, sequence);
        covered.Write(previousLink);
        AuditChainFormat.WriteText(covered, target);
        AuditChainFormat.WriteText(covered, detail);
        return HMACSHA256.HashData(sealingKey, covered.WrittenSpan);
    }

    /// <summary><paramref name="detail"/> with the seal of the data key <paramref name="keyId"/> after it.</summary>
    public static string Sealed(string detail, Guid keyId, byte[] seal) =>
        string.Create(CultureInfo.InvariantCulture, $"{detail}{SealSeparator}{KeyLabel}{keyId:D}; {SealLabel}{Convert.ToHexStringLower(seal)}");

    /// <summary>
    /// Splits a detail into what was sealed and its seal. False when it carries no seal (a checkpoint
    /// written before checkpoints were sealed); a malformed seal reads as a seal of no key, which never verifies.
    /// </summary>
    public static bool TryReadSeal(string detail, out string unsealed, out Guid keyId, out byte[] seal)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var at = detail.IndexOf(SealSeparator + KeyLabel, StringComparison.Ordinal);
        unsealed = at < 0 ? detail : detail[..at];
        keyId = Guid.Empty;
        seal = [];
        if (at < 0)
        {
            return false;
        }

        var keyAt = at + SealSeparator.Length + KeyLabel.Length;
        var sealAt = detail.IndexOf(SealLabel, keyAt, StringComparison.Ordinal);
        if (Guid.TryParseExact(FieldValue(detail, keyAt), "D", out var id)
            && sealAt > 0
            && FieldValue(detail, sealAt + SealLabel.Length) is { Length: SealHexLength } hex
            && sealAt + SealLabel.Length + hex.Length == detail.Length
            && FromHex(hex) is { } bytes)
        {
            keyId = id;
            seal = bytes;
        }

        return true;
    }

    // A field's value runs to the next "; " or the end.
    private static string FieldValue(string detail, int start)
    {
        var end = detail.IndexOf(SealSeparator, start, StringComparison.Ordinal);
        return end < 0 ? detail[start..] : detail[start..end];
    }

    private static byte[]? FromHex(string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
