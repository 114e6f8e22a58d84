using System.Collections.ObjectModel;

namespace CloudjetGraph.IntegrationTests.Telemetry;

/// <summary>
/// A list an exporter adds to from its own thread while a test reads a copy. Every test host in
/// the process listens to the same activity sources and meters, so items arrive at any time.
/// </summary>
public sealed class LockedList<T> : Collection<T>
{
    public IReadOnlyList<T> Snapshot()
    {
        lock (Items)
        {
            return [.. Items];
        }
    }

    protected override void InsertItem(int index, T item)
    {
        lock (Items)
        {
            base.InsertItem(index, item);
        }
    }
}
