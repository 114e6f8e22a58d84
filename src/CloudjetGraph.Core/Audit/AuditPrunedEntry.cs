namespace CloudjetGraph.Core.Audit;

/// <summary>
/// What retention leaves of a pruned entry: its place in the chain and its link, so the chain walks
/// on past it, and the <see cref="AuditEntryKinds.Checkpoint"/> entry whose digest attests it. Nothing
/// else: the caller's address, the operation and the profile rows are gone.
/// </summary>
internal sealed class AuditPrunedEntry
{
    /// <summary>The pruned entry's sequence number.</summary>
    public required long Sequence { get; init; }

    /// <summary>The pruned entry's link, as it was stored.</summary>
    public required byte[] Link { get; init; }

    /// <summary>The sequence number of the checkpoint entry appended by the prune that removed it.</summary>
    public required long CheckpointSequence { get; init; }
}
