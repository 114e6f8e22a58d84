namespace CloudjetGraph.Core.Keys.Lifecycle;

/// <summary>How long a data key scheduled for destruction waits: section <c>KeyLifecycle</c>.</summary>
public sealed class KeyLifecycleOptions
{
    /// <summary>Configuration section: <c>KeyLifecycle</c>.</summary>
    public const string SectionName = "KeyLifecycle";

    /// <summary>What <see cref="MinimumDestroyDelay"/> may never be under outside Development.</summary>
    public static readonly TimeSpan FloorOutsideDevelopment = TimeSpan.FromHours(24);

    /// <summary>
    /// The shortest waiting period between scheduling a data key's destruction and destroying it,
    /// and the period <c>keys schedule-destroy</c> uses when none is given. Default 7 days; outside
    /// Development a value under 24 hours stops startup, so that a disabled key's missing readers
    /// have a full day to show themselves.
    /// </summary>
    public TimeSpan MinimumDestroyDelay { get; set; } = TimeSpan.FromDays(7);
}
