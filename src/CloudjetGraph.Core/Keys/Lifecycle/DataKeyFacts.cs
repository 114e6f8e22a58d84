namespace CloudjetGraph.Core.Keys.Lifecycle;

/// <summary>What the lifecycle policy knows of one data key: plain values read from its row and the census.</summary>
/// <param name="State">Its state now.</param>
/// <param name="DestroyScheduledAt">When destruction was scheduled; null unless scheduled.</param>
/// <param name="DestroyAfter">The earliest time it may be destroyed; null unless scheduled.</param>
/// <param name="LastUseRecordedAt">The latest attempt to open something under it while disabled; null when none was recorded.</param>
/// <param name="StillUnder">How many kinds of value the census still counts under it (person keys, sealed values, index entries, access tags, unexpired tokens); 0 when none.</param>
/// <param name="Unattributed">Stored values whose key no census can name: any of them might be under this key.</param>
internal sealed record DataKeyFacts(
    DataKeyState State,
    DateTimeOffset? DestroyScheduledAt = null,
    DateTimeOffset? DestroyAfter = null,
    DateTimeOffset? LastUseRecordedAt = null,
    long StillUnder = 0,
    long Unattributed = 0);
