namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>
/// The work of one key job, run batch after batch by <see cref="KeyJobRunner"/> until a batch finds
/// nothing. Each batch must be idempotent per row (a rerun of the batch in flight when a runner was
/// killed changes only what is still to change) and compare-and-swap every write.
/// </summary>
internal interface IKeyJobStep
{
    /// <summary>How many rows still need the job (for progress and <c>--dry-run</c>); never writes.</summary>
    Task<long> CountPendingAsync(CancellationToken cancellationToken);

    /// <summary>Processes at most <paramref name="batchSize"/> rows with ids after <paramref name="after"/>, in id order; with <paramref name="dryRun"/> only counts.</summary>
    Task<KeyJobBatchResult> RunBatchAsync(Guid? after, int batchSize, bool dryRun, CancellationToken cancellationToken);
}
