namespace CloudjetGraph.Benchmarks;

/// <summary>
/// The largest managed heap seen while it runs, sampled every 10 ms: .NET keeps no high-water mark
/// of its own, and the working set peak also counts the runtime, SQLite's page cache and the host.
/// </summary>
public sealed class HeapHighWater : IDisposable
{
    private readonly Timer _timer;
    private long _max;

    public HeapHighWater()
    {
        _max = GC.GetTotalMemory(forceFullCollection: false);
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(10));
    }

    /// <summary>Stops sampling and returns the high-water mark in bytes.</summary>
    public long Stop()
    {
        _timer.Change(Timeout.Infinite, Timeout.Infinite);
        Sample();
        return Interlocked.Read(ref _max);
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var now = GC.GetTotalMemory(forceFullCollection: false);
        for (var seen = Interlocked.Read(ref _max); now > seen; seen = Interlocked.Read(ref _max))
        {
            if (Interlocked.CompareExchange(ref _max, now, seen) == seen)
            {
                return;
            }
        }
    }
}
