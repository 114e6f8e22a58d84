namespace CloudjetGraph.Core.Breaches;

/// <summary>Where a <see cref="CompromisedRecord"/> stands now: fixed strings that reports print and scripts match on.</summary>
public static class StoredRecordStates
{
    /// <summary>Still stored: a profile row or person key, or an invitation's blind index.</summary>
    public const string Stored = "stored";

    /// <summary>Removed (erased, or an invitation deleted or its blind index cleared) at a recorded time; nothing is left to read.</summary>
    public const string Removed = "removed";

    /// <summary>Erased before removals were recorded (known from the consent history): counted as stored through any window after its creation.</summary>
    public const string RemovedUnrecorded = "removed-unrecorded";
}
