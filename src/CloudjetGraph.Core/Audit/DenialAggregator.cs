using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Audit;

/// <summary>
/// Aggregates refusals across requests, per caller (token subject, or client address when anonymous),
/// operation and window (<see cref="DenialWindow"/>), so that refusals cost the trail a bounded number
/// of entries instead of one per request. Unlike releases, a denial need not be durable before its
/// response: only a window's first entry is appended with its request, the summaries when the window
/// closes (<see cref="FlushAsync"/>, run by a timer every <see cref="AuditOptions.DenialWindow"/> and at shutdown).
/// </summary>
public sealed partial class DenialAggregator(IAuditSink trail, IOptions<AuditOptions> options, ILogger<DenialAggregator> logger)
{
    private readonly Lock _gate = new();
    private DenialWindow _window = new(options.Value.MaxDenialKeys);

    /// <summary>Counts a refused request; returns the entry to append with it when it is the first of its caller and operation in this window.</summary>
    internal AuditEntryDraft? Add(OperationActor actor, string operation, RefusedRequest request)
    {
        lock (_gate)
        {
            return _window.Add(actor, operation, request);
        }
    }

    /// <summary>Closes the window and appends its summaries; a new window starts at once.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        DenialWindow closed;
        lock (_gate)
        {
            closed = _window;
            _window = new DenialWindow(options.Value.MaxDenialKeys);
        }

        var summaries = closed.Close();
        if (summaries.Count == 0)
        {
            return;
        }

        try
        {
            await trail.AppendAsync(summaries, cancellationToken);
        }
        catch (AuditTrailUnavailableException)
        {
            // The counts are lost, never a response: denials were never promised durable.
            LogSummariesLost(logger, summaries.Count);
        }
    }

    [LoggerMessage(EventId = 1403, EventName = "DenialSummariesLost", Level = LogLevel.Error, Message = "Could not append {Entries} denial summaries to the audit trail; their counts are lost.")]
    private static partial void LogSummariesLost(ILogger logger, int entries);
}
