namespace CloudjetGraph.Core.RateLimits;

/// <summary>An attempt as counted: how many the partition has made in this window, this one included, and when the window closes.</summary>
public sealed record CountedAttempt(int Attempts, DateTimeOffset WindowEnds);
