using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace CloudjetGraph.Core.Audit;

/// <summary>
/// What a <see cref="AuditEntryKinds.Checkpoint"/> entry attests, fixed byte by byte (docs/audit.md,
/// pinned by a test): its detail reads <c>pruned=N; before=TIME; digest=HEX</c>, the digest being
/// SHA-256 over the version byte 1 and, per pruned entry in sequence order, its sequence number
/// (big-endian 64-bit) and its 32-byte link. The checkpoint is itself chained, so changing a pruned
/// entry's stored link, adding one, or taking one away breaks either the digest or the checkpoint's link.
/// </summary>
internal static class AuditCheckpointFormat
{
    /// <summary>The digest's version byte.</summary>
    public const byte Version = 1;

    private const string DigestLabel = "digest=";

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
        var hex = at < 0 ? string.Empty : detail[(at + DigestLabel.Length)..];
        try
        {
            return hex.Length == AuditChainFormat.LinkLength * 2 ? Convert.FromHexString(hex) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
