namespace CloudjetGraph.Core.Retention;

/// <summary>What one retention run removed.</summary>
/// <param name="Invitations">Expired, unused invitations deleted with their blind index.</param>
/// <param name="Refusals">Anonymous denial entries pruned from the audit trail.</param>
/// <param name="Checkpoints">The sequence numbers of the checkpoint entries that attest the pruned entries.</param>
public sealed record RetentionResult(int Invitations, int Refusals, IReadOnlyList<long> Checkpoints);
