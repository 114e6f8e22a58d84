using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.Core.KeyRing;

/// <summary>
/// A random 256-bit key, stored wrapped (protected) by the Data Protection key ring.
/// The plaintext key exists only in memory.
/// </summary>
internal sealed class DataKey
{
    /// <summary>Identifier written into the header of every value sealed with this key.</summary>
    public required Guid Id { get; init; }

    /// <summary>What the key is for.</summary>
    public required DataKeyPurpose Purpose { get; init; }

    /// <summary>The key material protected by Data Protection; empty once the key is destroyed.</summary>
    public required byte[] WrappedKey { get; set; }

    /// <summary>Whether new values are written with this key.</summary>
    public required bool IsActive { get; set; }

    /// <summary>
    /// True when the key was made together with a development key ring: such keys must never
    /// serve outside Development, and only they let the CLI mint staff tokens.
    /// </summary>
    public required bool DevelopmentOnly { get; init; }

    /// <summary>Creation time.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// When a rotation made the key decrypt-only; null while it is active (or for a key retired
    /// before rotations recorded it). Token-signing keys are kept until tokens signed before this
    /// time have expired.
    /// </summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>
    /// When a custodian destroyed the key: its wrapped bytes are gone and the row stays as a
    /// tombstone so the census and the audit can still name it. Null while the key exists.
    /// </summary>
    public DateTimeOffset? DestroyedAt { get; set; }

    /// <summary>
    /// When a custodian disabled the key (<c>keys disable</c>): nothing opens under it until it is
    /// enabled again. Null while it is enabled.
    /// </summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>When a custodian scheduled the key for destruction; null unless scheduled.</summary>
    public DateTimeOffset? DestroyScheduledAt { get; set; }

    /// <summary>The end of the waiting period: the key is not destroyed before this time. Null unless scheduled.</summary>
    public DateTimeOffset? DestroyAfter { get; set; }

    /// <summary>
    /// The latest recorded attempt to open something under the key while it was disabled; a use
    /// after scheduling stops its destruction. Null when none was recorded.
    /// </summary>
    public DateTimeOffset? LastUseRecordedAt { get; set; }
}
