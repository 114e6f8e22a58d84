namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>What one batch of a key job did: rows looked at, rows changed, rows skipped because a concurrent write changed them first, and the last id looked at (the next checkpoint).</summary>
internal sealed record KeyJobBatchResult(int Examined, int Changed, int Conflicts, Guid? LastId);
