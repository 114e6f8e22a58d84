using System.Diagnostics.Metrics;

namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>
/// The progress of key jobs as metrics, by job kind: rows examined, changed and left for a rerun
/// (changed concurrently), and runs ended. Rates and time left follow from the counters; a scope
/// names a profile or an organisation, so it is never an attribute.
/// </summary>
public sealed class KeyJobMetrics
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "CloudjetGraph.KeyJobs";

    /// <summary>Rows a job has examined.</summary>
    public const string RowsExaminedInstrument = "cloudjet.key_jobs.rows_examined";

    /// <summary>Rows a job has changed.</summary>
    public const string RowsChangedInstrument = "cloudjet.key_jobs.rows_changed";

    /// <summary>Rows a job left because they changed concurrently.</summary>
    public const string ConflictsInstrument = "cloudjet.key_jobs.conflicts";

    /// <summary>Runs that ended, by kind and <c>done</c> or <c>interrupted</c>.</summary>
    public const string RunsEndedInstrument = "cloudjet.key_jobs.runs_ended";

    /// <summary>The attribute naming the job kind (<see cref="KeyJobKinds"/>).</summary>
    public const string KindAttribute = "cloudjet.key_job.kind";

    /// <summary>The attribute naming how a run ended (<see cref="KeyJobStates"/>).</summary>
    public const string StateAttribute = "cloudjet.key_job.state";

    private readonly Counter<long> _examined;
    private readonly Counter<long> _changed;
    private readonly Counter<long> _conflicts;
    private readonly Counter<long> _runsEnded;

    /// <summary>Creates the instruments on the host's meter factory.</summary>
    public KeyJobMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _examined = meter.CreateCounter<long>(RowsExaminedInstrument, "{row}", "Rows examined by key jobs.");
        _changed = meter.CreateCounter<long>(RowsChangedInstrument, "{row}", "Rows changed by key jobs.");
        _conflicts = meter.CreateCounter<long>(ConflictsInstrument, "{row}", "Rows key jobs left because they changed concurrently.");
        _runsEnded = meter.CreateCounter<long>(RunsEndedInstrument, "{run}", "Key job runs that ended, done or interrupted.");
    }

    internal void Batch(string kind, KeyJobBatchResult batch)
    {
        var tag = new KeyValuePair<string, object?>(KindAttribute, kind);
        _examined.Add(batch.Examined, tag);
        _changed.Add(batch.Changed, tag);
        _conflicts.Add(batch.Conflicts, tag);
    }

    internal void Ended(string kind, string state) =>
        _runsEnded.Add(1, new KeyValuePair<string, object?>(KindAttribute, kind), new KeyValuePair<string, object?>(StateAttribute, state));
}
