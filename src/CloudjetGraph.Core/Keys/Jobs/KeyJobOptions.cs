using System.ComponentModel.DataAnnotations;

namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>How key jobs (<c>keys rewrap</c>, <c>keys rekey</c>) share the database.</summary>
public sealed class KeyJobOptions
{
    /// <summary>Configuration section: <c>KeyJobs</c>.</summary>
    public const string SectionName = "KeyJobs";

    /// <summary>
    /// How long the job lease lasts without renewal (1 second-1 hour); the runner renews it before
    /// every batch. Also how long a runner that died (<c>kill -9</c>) keeps another from resuming,
    /// so keep it above the time one batch takes. Default 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);
}
