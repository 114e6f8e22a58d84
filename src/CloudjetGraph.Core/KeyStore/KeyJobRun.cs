namespace CloudjetGraph.Core.KeyStore;

/// <summary>
/// The checkpoint of a key job run over one scope: where the last finished batch ended and what the
/// run did so far. A rerun after a crash resumes after <see cref="LastId"/>.
/// </summary>
internal sealed class KeyJobRun
{
    /// <summary>The job kind (<see cref="Keys.Jobs.KeyJobKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>What the run covers, e.g. <c>all</c> or <c>organization:{id}</c>.</summary>
    public required string Scope { get; init; }

    /// <summary><see cref="Keys.Jobs.KeyJobStates.Running"/>, <see cref="Keys.Jobs.KeyJobStates.Interrupted"/> or <see cref="Keys.Jobs.KeyJobStates.Done"/>.</summary>
    public required string State { get; set; }

    /// <summary>The last id of the last finished batch; null before the first.</summary>
    public Guid? LastId { get; set; }

    /// <summary>Rows looked at.</summary>
    public long Examined { get; set; }

    /// <summary>Rows changed.</summary>
    public long Changed { get; set; }

    /// <summary>Rows left as they were because a concurrent write changed them first (a rerun retries them).</summary>
    public long Conflicts { get; set; }

    /// <summary>When the run began: rows a rekey moved since then are not moved again.</summary>
    public required DateTimeOffset StartedAt { get; set; }

    /// <summary>When the checkpoint was last written.</summary>
    public required DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the run finished; null while work remains.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
}
