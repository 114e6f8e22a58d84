using System.Globalization;

namespace CloudjetGraph.Core.Audit;

/// <summary>
/// The refusals of one window, per (caller, operation): the first request of a pair is its own entry
/// at once, later ones are only counted, into one summary entry when the window closes. Bounded, so
/// that no caller writes the trail at request rate and no flood of addresses fills memory: a caller
/// keeps at most <see cref="MaxOperationsPerCaller"/> operations apart (operation names are the
/// caller's choice) and folds the rest into <see cref="FoldedOperation"/>; past
/// <paramref name="maxKeys"/> pairs, refusals fold into one overflow entry for all callers. Not
/// thread-safe: <see cref="DenialAggregator"/> holds the lock.
/// </summary>
internal sealed class DenialWindow(int maxKeys)
{
    /// <summary>Operations of one caller counted apart in a window; more fold into <see cref="FoldedOperation"/>.</summary>
    public const int MaxOperationsPerCaller = 8;

    /// <summary>The operation of folded refusals; never a GraphQL operation name, which starts with a letter or <c>_</c>.</summary>
    public const string FoldedOperation = "*";

    /// <summary>The actor of the overflow entry, which stands for many callers.</summary>
    public static readonly OperationActor Overflow = new(FoldedOperation, FoldedOperation);

    private readonly Dictionary<(OperationActor Actor, string Operation), DenialTally> _later = [];
    private readonly Dictionary<OperationActor, int> _operations = [];
    private readonly DenialTally _overflow = new();
    private readonly HashSet<OperationActor> _overflowCallers = [];

    /// <summary>Counts a refused request; returns the entry to append now when it is the first of its pair in this window.</summary>
    public AuditEntryDraft? Add(OperationActor actor, string operation, RefusedRequest request)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (_later.TryGetValue((actor, operation), out var later))
        {
            later.Add(request);
            return null;
        }

        var operations = _operations.GetValueOrDefault(actor);
        if (operation != FoldedOperation && operations >= MaxOperationsPerCaller)
        {
            return Add(actor, FoldedOperation, request);
        }

        if (_later.Count >= maxKeys)
        {
            _overflow.Add(request);

            // Bounded like the pairs: past it the count reads as a lower bound.
            if (_overflowCallers.Count < maxKeys)
            {
                _overflowCallers.Add(actor);
            }

            return null;
        }

        _later[(actor, operation)] = new DenialTally();
        _operations[actor] = operations + 1;
        return DenialTally.Of(request).ToDraft(actor, operation);
    }

    /// <summary>The entries that close the window: a summary per pair refused again after its first request, and the overflow.</summary>
    public IReadOnlyList<AuditEntryDraft> Close()
    {
        var summaries = _later.Where(pair => pair.Value.Requests > 0)
            .Select(pair => pair.Value.ToDraft(pair.Key.Actor, pair.Key.Operation))
            .ToList();
        if (_overflow.Requests > 0)
        {
            var atLeast = _overflowCallers.Count == maxKeys ? "+" : string.Empty;
            summaries.Add(_overflow.ToDraft(Overflow, FoldedOperation, string.Create(CultureInfo.InvariantCulture, $"callers={_overflowCallers.Count}{atLeast}; ")));
        }

        return summaries;
    }
}
