namespace CloudjetGraph.Core.Protection;

/// <summary>
/// The ring key revocations the database records (<see cref="KeyRing.RingKeyRevocation"/>), as loaded
/// by <see cref="KeyRing.RingKeyRevocationRecords"/>, which <see cref="AuthenticatedRingRepository"/> adds to
/// the ring whatever the folder holds. Within a process the set only grows: neither a deleted file
/// nor a deleted row makes a revoked key usable again. Also which revoked keys the folder holds
/// without their revocation, for the readiness check, and which of those are new since the last read.
/// </summary>
public sealed class RecordedRevocations
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, DateTimeOffset> _recorded = [];
    private IReadOnlyList<Guid> _missingFromFolder = [];

    /// <summary>The revoked ring keys and when each was revoked.</summary>
    public IReadOnlyDictionary<Guid, DateTimeOffset> Current
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<Guid, DateTimeOffset>(_recorded);
            }
        }
    }

    /// <summary>The ring keys in the folder whose recorded revocation the folder lacks, at its last read.</summary>
    public IReadOnlyList<Guid> MissingFromFolder
    {
        get
        {
            lock (_gate)
            {
                return _missingFromFolder;
            }
        }
    }

    /// <summary>Adds revocations; one already known keeps its first date.</summary>
    public void Add(IEnumerable<(Guid KeyId, DateTimeOffset RevokedAt)> revocations)
    {
        ArgumentNullException.ThrowIfNull(revocations);
        lock (_gate)
        {
            foreach (var (keyId, revokedAt) in revocations)
            {
                _recorded.TryAdd(keyId, revokedAt);
            }
        }
    }

    /// <summary>Records which revocations a read of the folder lacked; returns those the previous read did not.</summary>
    public IReadOnlyList<Guid> RecordMissing(IReadOnlyList<Guid> missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        lock (_gate)
        {
            var previous = _missingFromFolder;
            _missingFromFolder = missing;
            return missing.Except(previous).ToList();
        }
    }
}
