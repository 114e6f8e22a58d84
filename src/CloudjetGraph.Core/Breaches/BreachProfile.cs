namespace CloudjetGraph.Core.Breaches;

/// <summary>One profile in a breach report.</summary>
/// <param name="ProfileId">The profile.</param>
/// <param name="Readers">Who read it in the window.</param>
/// <param name="ConfidentialUntil">
/// When the latest confidentiality hold still in force on a disclosure of the profile in the window
/// ends; null when none is in force. Until then the person must not learn of that disclosure, so a
/// notification leaves it out.
/// </param>
public sealed record BreachProfile(Guid ProfileId, IReadOnlyList<BreachReader> Readers, DateTimeOffset? ConfidentialUntil = null);
