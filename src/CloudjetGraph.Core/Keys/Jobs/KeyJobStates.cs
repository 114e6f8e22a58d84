namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>The states of a key job run, as stored and shown.</summary>
public static class KeyJobStates
{
    /// <summary>A runner holds the lease and works on it.</summary>
    public const string Running = "running";

    /// <summary>Stopped (cancelled, or its runner died) with work remaining; a rerun resumes it.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>Finished.</summary>
    public const string Done = "done";
}
