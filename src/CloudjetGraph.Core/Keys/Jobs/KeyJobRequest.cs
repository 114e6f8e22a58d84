namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>A request to run a key job over a scope.</summary>
/// <param name="Kind">The job kind (<see cref="KeyJobKinds"/>).</param>
/// <param name="Scope">What it covers; a checkpoint is kept per kind and scope.</param>
/// <param name="BatchSize">Rows per batch (and per transaction), 1-100 000: writers wait at most one batch.</param>
/// <param name="RowsPerSecond">A cap on rows examined per second; null for none.</param>
/// <param name="DryRun">Count what would change and write nothing, not even a checkpoint or the lease.</param>
/// <param name="Restart">Begin a new run even when the last run of this scope finished.</param>
public sealed record KeyJobRequest(
    string Kind,
    string Scope,
    int BatchSize = KeyJobRequest.DefaultBatchSize,
    int? RowsPerSecond = null,
    bool DryRun = false,
    bool Restart = false)
{
    /// <summary>The default batch size.</summary>
    public const int DefaultBatchSize = 500;
}
