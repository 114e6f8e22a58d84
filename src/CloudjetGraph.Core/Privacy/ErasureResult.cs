namespace CloudjetGraph.Core.Privacy;

/// <summary>What an erasure did.</summary>
/// <param name="ErasedProfiles">How many profiles were erased: 1 for one profile, every one of an organisation (0 when it had none left).</param>
/// <param name="ErasedAt">When the erasure finished.</param>
public sealed record ErasureResult(int ErasedProfiles, DateTimeOffset ErasedAt);
