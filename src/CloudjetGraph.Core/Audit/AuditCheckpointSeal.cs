using System.Security.Cryptography;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.Core.Audit;

/// <summary>
/// Seals a <see cref="AuditEntryKinds.Checkpoint"/> entry with an HMAC-SHA256 that someone who can
/// only write the database cannot compute: the key is derived from the
/// <see cref="DataKeyPurpose.RowIntegrity"/> data key, which the database holds only wrapped by the
/// key ring, and which is never rotated or destroyed, so a seal stays verifiable for the life of
/// the trail. The seal covers the checkpoint's sequence number, the link of the entry before it,
/// its target and its detail (count, cut-off and the pruned entries' digest): a forged, edited or
/// moved checkpoint, or one over another set of pruned entries, fails <c>audit verify</c>. Since the
/// link before it commits to the whole chain up to there, a sealed checkpoint also anchors every
/// entry before it with a key.
/// </summary>
public sealed class AuditCheckpointSeal(DataKeyRing ring, IDataKeyLoader keys)
{
    /// <summary>Unwraps the data keys when this process has not (the Cli); the gateway loaded them at startup.</summary>
    /// <exception cref="KeyRingUnavailableException">No data keys, or the ring cannot unwrap them.</exception>
    internal Task EnsureKeysAsync(CancellationToken cancellationToken) => keys.EnsureLoadedAsync(cancellationToken);

    /// <summary>The detail of checkpoint <paramref name="sequence"/>, sealed under the active row-integrity key.</summary>
    internal string Seal(long sequence, ReadOnlySpan<byte> previousLink, string target, string detail)
    {
        var key = ring.Active(DataKeyPurpose.RowIntegrity);
        return AuditCheckpointFormat.Sealed(detail, key.Id, AuditCheckpointFormat.SealOf(key.Material, sequence, previousLink, target, detail));
    }

    /// <summary>
    /// Whether <paramref name="checkpoint"/>'s seal holds after <paramref name="previousLink"/>; null when it
    /// carries none (written before checkpoints were sealed). Loads the data keys first if need be.
    /// </summary>
    /// <exception cref="KeyRingUnavailableException">The checkpoint is sealed and the ring cannot unwrap the data keys.</exception>
    internal async Task<bool?> VerifyAsync(AuditEntry checkpoint, byte[] previousLink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (!AuditCheckpointFormat.TryReadSeal(checkpoint.Detail, out var detail, out var keyId, out var seal))
        {
            return null;
        }

        await EnsureKeysAsync(cancellationToken);
        return ring.TryGet(keyId, out var key)
            && key.Purpose == DataKeyPurpose.RowIntegrity
            && CryptographicOperations.FixedTimeEquals(AuditCheckpointFormat.SealOf(key.Material, checkpoint.Sequence, previousLink, checkpoint.Target, detail), seal);
    }
}
