using System.Globalization;
using CloudjetGraph.Core.Keys.Jobs;

namespace CloudjetGraph.Cli;

/// <summary>A key job's progress as plain lines, at most one a second (and the last batch), for output that is not a terminal.</summary>
internal sealed class PlainJobProgress(TextWriter output, string verb, TimeProvider time) : IProgress<KeyJobProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public void Report(KeyJobProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var now = time.GetUtcNow();
        if (now - _last < Interval && value.Examined < value.Pending)
        {
            return;
        }

        _last = now;
        var remaining = value.EstimatedRemaining is { } eta ? $"{eta.TotalSeconds:F0} s" : "unknown";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"keys {verb}: {value.Examined}/{value.Pending} rows, {value.Changed} changed, {value.Conflicts} changed concurrently, {value.RowsPerSecond:F0} rows/s, ETA {remaining}"));
        output.Flush();
    }
}
