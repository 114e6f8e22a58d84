namespace CloudjetGraph.Core.Audit;

/// <summary>The result of walking the chain.</summary>
/// <param name="Verified">How many entries verified, from the first.</param>
/// <param name="FirstBad">The sequence number of the first entry that breaks the chain; null when intact.</param>
/// <param name="Problem">What is wrong with it; null when intact.</param>
/// <param name="Head">The last entry and its link, to record elsewhere as an anchor; null when broken.</param>
/// <param name="Pruned">How many of the verified entries were pruned by retention and counted through their checkpoints.</param>
/// <param name="UnsealedCheckpoints">How many checkpoints were written before checkpoints were sealed: only an anchor vouches for those.</param>
public sealed record AuditVerification(long Verified, long? FirstBad, string? Problem, AuditAnchor? Head, long Pruned = 0, long UnsealedCheckpoints = 0)
{
    /// <summary>Whether the whole chain verified.</summary>
    public bool IsIntact => FirstBad is null;

    /// <summary>An intact chain of <paramref name="verified"/> entries ending at <paramref name="head"/>.</summary>
    public static AuditVerification Intact(long verified, AuditAnchor head, long pruned, long unsealedCheckpoints) => new(verified, null, null, head, pruned, unsealedCheckpoints);

    /// <summary>A chain broken at <paramref name="firstBad"/>.</summary>
    public static AuditVerification Broken(long verified, long firstBad, string problem) => new(verified, firstBad, problem, null);
}
