using System.Globalization;

namespace CloudjetGraph.Benchmarks;

/// <summary>What one key job run measured.</summary>
/// <param name="Examined">Rows the job examined (person keys for a rewrap, profiles for a rekey).</param>
/// <param name="Changed">Rows it changed.</param>
/// <param name="Elapsed">Wall time of the job alone (not the host start or the check after).</param>
/// <param name="PeakWorkingSet">The process's peak working set (the job, the host, the runtime).</param>
/// <param name="HeapHighWater">The largest managed heap seen during the job.</param>
/// <param name="Allocated">Bytes allocated during the job.</param>
/// <param name="LoadBefore">The 1, 5 and 15 minute load averages when the job began.</param>
/// <param name="LoadAfter">The same when it ended.</param>
/// <param name="NewWrappingKeyId">The person-key data key a rewrap moved the keys to.</param>
public sealed record KeyJobMeasurement(long Examined, long Changed, TimeSpan Elapsed, long PeakWorkingSet, long HeapHighWater, long Allocated, string LoadBefore, string LoadAfter, Guid? NewWrappingKeyId)
{
    private const double MiB = 1024 * 1024;

    /// <summary>One Markdown table row: job, profiles, rows, seconds, rows/s, peak working set, heap high-water, allocated, load.</summary>
    public string Describe(string job, int profiles, int batchSize) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {job} | {profiles:N0} | {batchSize:N0} | {Examined:N0} ({Changed:N0} changed) | {Elapsed.TotalSeconds:F1} | {Examined / Elapsed.TotalSeconds:N0} | {PeakWorkingSet / MiB:N0} | {HeapHighWater / MiB:N0} | {Allocated / MiB:N0} | {LoadBefore} / {LoadAfter} |");
}
