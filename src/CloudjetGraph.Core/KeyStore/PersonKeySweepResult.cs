namespace CloudjetGraph.Core.KeyStore;

/// <summary>What <see cref="PersonKeySweep"/> found.</summary>
/// <param name="Examined">Key rows looked at.</param>
/// <param name="Orphans">Key rows whose profile is gone and old enough to be past any sign-up in flight.</param>
/// <param name="Removed">Of those, the rows deleted (0 on a dry run).</param>
public sealed record PersonKeySweepResult(long Examined, long Orphans, long Removed);
