using System.Threading.Channels;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Data.Engines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.Audit;

/// <summary>
/// Appends to the chained audit trail with group commit: callers queue their entries on a channel,
/// one writer loop drains everything queued, appends it in one transaction and completes each
/// caller's task only after the commit. The previous link is read inside that transaction, after
/// taking the trail's lock (on SQLite the <c>BEGIN IMMEDIATE</c> write lock, on PostgreSQL an advisory
/// transaction lock), never from memory, so the gateway, the Cli and other gateways on the same
/// database extend one chain.
/// </summary>
internal sealed partial class AuditTrailWriter : IAuditSink, IDisposable, IAsyncDisposable
{
    /// <summary>Most callers served by one commit; more wait for the next.</summary>
    public const int MaxBatch = 256;

    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditTrailWriter> _logger;
    private readonly Task _loop;

    /// <summary>Starts the writer loop.</summary>
    public AuditTrailWriter(IServiceScopeFactory scopes, TimeProvider time, ILogger<AuditTrailWriter> logger)
    {
        _scopes = scopes;
        _time = time;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <inheritdoc />
    public Task AppendAsync(IReadOnlyList<AuditEntryDraft> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var pending = new PendingAppend(entries, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new AuditTrailUnavailableException("The audit trail writer has stopped; nothing was appended.");
        }

        // A caller that stops waiting does not take its entries back: they are committed with the rest.
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Seals rows moved in by a migration (their link is still empty) by appending nothing.</summary>
    public Task SealPendingAsync(CancellationToken cancellationToken) => AppendAsync([], cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.Wait(TimeSpan.FromSeconds(10));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingAppend>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                var (first, last) = await CommitAsync(batch);
                if (last >= first)
                {
                    LogAppended(_logger, first, last, batch.Count);
                }

                foreach (var pending in batch)
                {
                    pending.Done.TrySetResult();
                }
            }
            catch (Exception exception)
            {
                // Never the exception's text, which a database library may have filled.
                LogAppendFailed(_logger, exception.GetType().FullName, batch.Count);
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(new AuditTrailUnavailableException());
                }
            }
        }
    }

    // Never with a caller's token: one caller going away must not undo the others' entries.
    private async Task<(long First, long Last)> CommitAsync(List<PendingAppend> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CloudjetDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await db.Database.Engine().LockAuditTrailAsync(db.Database, CancellationToken.None);
        var head = await AuditChainAppender.HeadAsync(db);
        var last = await AuditChainAppender.AppendAsync(db, head, batch.SelectMany(p => p.Entries), _time.GetUtcNow());
        await transaction.CommitAsync(CancellationToken.None);
        return (head.Sequence + 1, last);
    }

    private sealed record PendingAppend(IReadOnlyList<AuditEntryDraft> Entries, TaskCompletionSource Done);

    [LoggerMessage(EventId = 1401, EventName = "AuditEntriesAppended", Level = LogLevel.Debug, Message = "Appended audit entries {First} to {Last} for {Callers} callers in one commit.")]
    private static partial void LogAppended(ILogger logger, long first, long last, int callers);

    [LoggerMessage(EventId = 1402, EventName = "AuditAppendFailed", Level = LogLevel.Error, Message = "Could not append to the audit trail ({ExceptionType}); {Callers} callers were refused.")]
    private static partial void LogAppendFailed(ILogger logger, string? exceptionType, int callers);
}
