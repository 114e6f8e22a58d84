using System.Diagnostics;
using CloudjetGraph.Core.KeyStore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>
/// Runs a key job: takes the lease, resumes from the checkpoint of its kind and scope, runs batches
/// until one finds nothing, writing the checkpoint after each, and stops after the batch in flight
/// when cancelled. A runner killed at any moment loses at most that batch, which every step redoes
/// idempotently on the next run.
/// </summary>
public sealed partial class KeyJobRunner(IDbContextFactory<KeyStoreDbContext> keyStores, KeyJobLeases leases, KeyJobMetrics metrics, TimeProvider time, ILogger<KeyJobRunner> logger)
{
    /// <summary>The largest batch: one batch is one transaction, and writers wait for it.</summary>
    public const int MaxBatchSize = 100_000;

    /// <summary>
    /// Runs <paramref name="request"/>. <paramref name="createStep"/> gets the run's start time (kept
    /// across resumptions), so a step can tell rows it already changed in this run.
    /// </summary>
    /// <exception cref="KeyJobLeaseHeldException">Another runner holds the lease, or took it over after this one lost it.</exception>
    internal async Task<KeyJobOutcome> RunAsync(KeyJobRequest request, Func<DateTimeOffset, IKeyJobStep> createStep, IProgress<KeyJobProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(createStep);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.BatchSize, MaxBatchSize);
        if (request.RowsPerSecond is { } rate)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(rate, 1);
        }

        if (request.DryRun)
        {
            return await DryRunAsync(request, createStep, progress, cancellationToken);
        }

        var holder = KeyJobLeases.NewHolderId();
        await leases.AcquireAsync(holder, request.Kind, request.Scope, cancellationToken);
        try
        {
            return await RunHoldingLeaseAsync(request, holder, createStep, progress, cancellationToken);
        }
        finally
        {
            await leases.ReleaseAsync(holder, CancellationToken.None);
        }
    }

    private async Task<KeyJobOutcome> RunHoldingLeaseAsync(KeyJobRequest request, string holder, Func<DateTimeOffset, IKeyJobStep> createStep, IProgress<KeyJobProgress>? progress, CancellationToken cancellationToken)
    {
        await using var db = await keyStores.CreateDbContextAsync(cancellationToken);
        var run = await db.KeyJobRuns.SingleOrDefaultAsync(r => r.Kind == request.Kind && r.Scope == request.Scope, cancellationToken);
        var now = time.GetUtcNow();
        var isNew = run is null || request.Restart;
        var startedAt = isNew ? now : run!.StartedAt;
        var step = createStep(startedAt);
        var pending = await step.CountPendingAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        var progressNow = new KeyJobProgress(pending, 0, 0, 0, TimeSpan.Zero);

        // Nothing to do (a rerun after completion): no write at all, not even the checkpoint.
        if (pending == 0 && (run is null || run.State == KeyJobStates.Done || isNew))
        {
            LogNothingToDo(logger, request.Kind, request.Scope);
            return new KeyJobOutcome(true, progressNow);
        }

        if (run is null)
        {
            run = new KeyJobRun { Kind = request.Kind, Scope = request.Scope, State = KeyJobStates.Running, StartedAt = now, UpdatedAt = now };
            db.KeyJobRuns.Add(run);
        }
        else if (isNew || run.State == KeyJobStates.Done)
        {
            // A new run, or a new pass of a finished one that found work again (a rewrap after
            // another rotation): from the first row, with the run's own start time.
            run.StartedAt = startedAt;
            run.LastId = null;
            run.Examined = run.Changed = run.Conflicts = 0;
            run.FinishedAt = null;
        }

        run.State = KeyJobStates.Running;
        run.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        LogStarted(logger, request.Kind, request.Scope, pending, run.LastId);

        while (!cancellationToken.IsCancellationRequested)
        {
            await leases.AcquireAsync(holder, request.Kind, request.Scope, CancellationToken.None);

            // The batch in flight always completes: cancellation is honoured between batches.
            var batch = await step.RunBatchAsync(run.LastId, request.BatchSize, dryRun: false, CancellationToken.None);
            run.Examined += batch.Examined;
            run.Changed += batch.Changed;
            run.Conflicts += batch.Conflicts;
            run.LastId = batch.LastId ?? run.LastId;
            run.UpdatedAt = time.GetUtcNow();
            if (batch.Examined == 0)
            {
                run.State = KeyJobStates.Done;
                run.FinishedAt = run.UpdatedAt;
            }

            await db.SaveChangesAsync(CancellationToken.None);
            metrics.Batch(request.Kind, batch);
            progressNow = progressNow with
            {
                Examined = progressNow.Examined + batch.Examined,
                Changed = progressNow.Changed + batch.Changed,
                Conflicts = progressNow.Conflicts + batch.Conflicts,
                Elapsed = clock.Elapsed,
            };
            progress?.Report(progressNow);
            if (run.State == KeyJobStates.Done)
            {
                metrics.Ended(request.Kind, KeyJobStates.Done);
                LogFinished(logger, request.Kind, request.Scope, run.Examined, run.Changed, run.Conflicts);
                return new KeyJobOutcome(true, progressNow);
            }

            await ThrottleAsync(request.RowsPerSecond, progressNow.Examined, clock, cancellationToken);
        }

        run.State = KeyJobStates.Interrupted;
        run.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        metrics.Ended(request.Kind, KeyJobStates.Interrupted);
        LogInterrupted(logger, request.Kind, request.Scope, run.LastId);
        return new KeyJobOutcome(false, progressNow);
    }

    private async Task<KeyJobOutcome> DryRunAsync(KeyJobRequest request, Func<DateTimeOffset, IKeyJobStep> createStep, IProgress<KeyJobProgress>? progress, CancellationToken cancellationToken)
    {
        KeyJobRun? run;
        await using (var db = await keyStores.CreateDbContextAsync(cancellationToken))
        {
            run = await db.KeyJobRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Kind == request.Kind && r.Scope == request.Scope, cancellationToken);
        }

        var step = createStep(run is null || request.Restart ? time.GetUtcNow() : run.StartedAt);
        var clock = Stopwatch.StartNew();
        var total = new KeyJobProgress(await step.CountPendingAsync(cancellationToken), 0, 0, 0, TimeSpan.Zero);
        Guid? after = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await step.RunBatchAsync(after, request.BatchSize, dryRun: true, cancellationToken);
            if (batch.Examined == 0)
            {
                return new KeyJobOutcome(true, total);
            }

            after = batch.LastId;
            total = total with { Examined = total.Examined + batch.Examined, Changed = total.Changed + batch.Changed, Conflicts = total.Conflicts + batch.Conflicts, Elapsed = clock.Elapsed };
            progress?.Report(total);
        }

        return new KeyJobOutcome(false, total);
    }

    // Sleeps until the rows examined so far fit the cap; cancellation ends the sleep early.
    private static async Task ThrottleAsync(int? rowsPerSecond, long examined, Stopwatch clock, CancellationToken cancellationToken)
    {
        if (rowsPerSecond is not { } rate)
        {
            return;
        }

        var wait = TimeSpan.FromSeconds((double)examined / rate) - clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(wait, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Stopping between batches is what cancellation asks for.
            }
        }
    }

    [LoggerMessage(EventId = 1301, EventName = "KeyJobStarted", Level = LogLevel.Information, Message = "Key job {Kind} {Scope}: {Pending} rows pending, resuming after {LastId}.")]
    private static partial void LogStarted(ILogger logger, string kind, string scope, long pending, Guid? lastId);

    [LoggerMessage(EventId = 1302, EventName = "KeyJobFinished", Level = LogLevel.Information, Message = "Key job {Kind} {Scope} finished: {Examined} rows examined, {Changed} changed, {Conflicts} conflicts.")]
    private static partial void LogFinished(ILogger logger, string kind, string scope, long examined, long changed, long conflicts);

    [LoggerMessage(EventId = 1303, EventName = "KeyJobInterrupted", Level = LogLevel.Warning, Message = "Key job {Kind} {Scope} interrupted after {LastId}; a rerun resumes there.")]
    private static partial void LogInterrupted(ILogger logger, string kind, string scope, Guid? lastId);

    [LoggerMessage(EventId = 1304, EventName = "KeyJobNothingToDo", Level = LogLevel.Information, Message = "Key job {Kind} {Scope}: nothing to do.")]
    private static partial void LogNothingToDo(ILogger logger, string kind, string scope);
}
