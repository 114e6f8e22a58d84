namespace CloudjetGraph.Core.RateLimits;

/// <summary>
/// One partition's attempts in its current fixed window, shared by every instance on the database.
/// The partition is stored only as a keyed hash, never as the email or address it stands for.
/// </summary>
internal sealed class RateLimitCounter
{
    /// <summary>The limit's stored name (<see cref="SharedRateLimitCounters"/>' callers pass fixed strings).</summary>
    public required string LimitName { get; init; }

    /// <summary>HMAC of the partition under the blind-index key, with that key's id.</summary>
    public required byte[] PartitionHash { get; init; }

    /// <summary>When the current window began, at the partition's first attempt in it: Unix time in milliseconds.</summary>
    public long WindowStart { get; set; }

    /// <summary>Attempts counted since <see cref="WindowStart"/>.</summary>
    public int Attempts { get; set; }
}
