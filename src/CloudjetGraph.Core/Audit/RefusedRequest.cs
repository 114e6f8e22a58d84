namespace CloudjetGraph.Core.Audit;

/// <summary>What one request was refused: each schema field with its code, and a few of the profiles the refusals were on.</summary>
/// <param name="Refusals">The distinct (<c>Type.field</c>, error code) pairs.</param>
/// <param name="Profiles">At most <see cref="DenialTally.MaxProfiles"/> profiles, each with the field names refused on it.</param>
internal sealed record RefusedRequest(IReadOnlySet<(string Target, string Code)> Refusals, IReadOnlyDictionary<Guid, IReadOnlySet<string>> Profiles);
