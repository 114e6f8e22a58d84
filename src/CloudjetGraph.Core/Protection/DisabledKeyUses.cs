using System.Collections.Concurrent;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Attempts to open a value under a disabled data key, counted in the metric at once and gathered
/// per key until <see cref="KeyRing.DisabledKeyUseRecorder"/> writes them: one trail entry per key per
/// interval however many reads hit it, so a client cannot write the trail at request rate.
/// </summary>
public sealed class DisabledKeyUses(ProtectionMetrics metrics, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, DisabledKeyUseTally> _pending = new();

    /// <summary>Counts one attempt under <paramref name="key"/>.</summary>
    public void Record(DisabledDataKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        metrics.DisabledKeyUsed(key.Id, DataKeyPurposeLabels.Of(key.Purpose));
        var now = time.GetUtcNow();
        _pending.AddOrUpdate(
            key.Id,
            _ => new DisabledKeyUseTally(key, 1, now, now),
            (_, tally) => tally with { Count = tally.Count + 1, Last = now });
    }

    /// <summary>Takes the attempts gathered since the last call.</summary>
    internal IReadOnlyList<DisabledKeyUseTally> Drain()
    {
        // Removed key by key, so an attempt counted meanwhile starts a new tally rather than being lost.
        var taken = new List<DisabledKeyUseTally>();
        foreach (var id in _pending.Keys.Order())
        {
            if (_pending.TryRemove(id, out var tally))
            {
                taken.Add(tally);
            }
        }

        return taken;
    }
}
