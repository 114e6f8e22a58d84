namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>How a key job ended in this process.</summary>
/// <param name="Finished">Whether the run is done; false when it was cancelled with work remaining.</param>
/// <param name="Progress">What this process did.</param>
public sealed record KeyJobOutcome(bool Finished, KeyJobProgress Progress);
