namespace CloudjetGraph.Core.Audit;

/// <summary>What a prune removed.</summary>
/// <param name="Pruned">How many entries.</param>
/// <param name="Checkpoints">The sequence numbers of the checkpoint entries appended, one per batch.</param>
internal sealed record AuditPruneResult(int Pruned, IReadOnlyList<long> Checkpoints);
