namespace CloudjetGraph.Core.KeyRing;

/// <summary>
/// A ring key a custodian revoked, kept in the database beside the data keys it wrapped. Data
/// Protection keeps a revocation only as a file in the ring folder, and deleting that file would
/// make the key usable again; this row keeps it revoked whatever the folder holds.
/// </summary>
internal sealed class RingKeyRevocation
{
    /// <summary>The revoked ring key's id.</summary>
    public required Guid KeyId { get; init; }

    /// <summary>When it was revoked, or when the gateway first found its revocation in the folder.</summary>
    public required DateTimeOffset RevokedAt { get; init; }
}
