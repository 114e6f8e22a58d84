namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>Where a key job stands after a batch, in this process: counts only, never a value.</summary>
/// <param name="Pending">Rows the job had to look at when this process started it.</param>
/// <param name="Examined">Rows looked at by this process.</param>
/// <param name="Changed">Rows changed (or, in a dry run, that would change).</param>
/// <param name="Conflicts">Rows left because a concurrent write changed them first.</param>
/// <param name="Elapsed">Time since this process started the job.</param>
public sealed record KeyJobProgress(long Pending, long Examined, long Changed, long Conflicts, TimeSpan Elapsed)
{
    /// <summary>Rows examined per second so far.</summary>
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Examined / Elapsed.TotalSeconds : 0;

    /// <summary>The time left at the rate so far; null before any rate is known.</summary>
    public TimeSpan? EstimatedRemaining => RowsPerSecond > 0 ? TimeSpan.FromSeconds(Math.Max(0, Pending - Examined) / RowsPerSecond) : null;
}
