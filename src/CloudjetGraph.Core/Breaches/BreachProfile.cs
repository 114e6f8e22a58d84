namespace CloudjetGraph.Core.Breaches;

/// <summary>One profile in a breach report.</summary>
/// <param name="ProfileId">The profile.</param>
/// <param name="Readers">Who read it in the window.</param>
public sealed record BreachProfile(Guid ProfileId, IReadOnlyList<BreachReader> Readers);
