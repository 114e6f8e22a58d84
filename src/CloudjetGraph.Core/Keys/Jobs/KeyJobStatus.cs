namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>A key job run as a custodian sees it: counts and times, never a value or a key.</summary>
/// <param name="Kind">The job kind (<see cref="KeyJobKinds"/>).</param>
/// <param name="Scope">What the run covers.</param>
/// <param name="State">
/// <see cref="KeyJobStates.Running"/> while a live lease holder runs it, <see cref="KeyJobStates.Done"/>
/// when finished, otherwise <see cref="KeyJobStates.Interrupted"/> (cancelled, or its runner died).
/// </param>
/// <param name="Examined">Rows looked at.</param>
/// <param name="Changed">Rows changed.</param>
/// <param name="Conflicts">Rows left because a concurrent write changed them first.</param>
/// <param name="Holder">The runner holding the lease for it, while running.</param>
/// <param name="LeaseExpiresAt">When that lease expires unless renewed, while running.</param>
/// <param name="StartedAt">When the run began.</param>
/// <param name="UpdatedAt">When its checkpoint was last written.</param>
/// <param name="FinishedAt">When it finished.</param>
public sealed record KeyJobStatus(
    string Kind,
    string Scope,
    string State,
    long Examined,
    long Changed,
    long Conflicts,
    string? Holder,
    DateTimeOffset? LeaseExpiresAt,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt);
