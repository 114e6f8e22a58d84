using CloudjetGraph.Core.Breaches;

namespace CloudjetGraph.Cli;

/// <summary>What <c>audit report</c> prints: the window, the affected profiles, and their contact emails.</summary>
/// <param name="From">Start of the window, inclusive.</param>
/// <param name="To">End, exclusive.</param>
/// <param name="Subject">The staff subject asked for, if any.</param>
/// <param name="Profiles">The affected profiles and their readers.</param>
/// <param name="Emails">Each profile's contact email; null when erased since.</param>
internal sealed record BreachReport(DateTimeOffset From, DateTimeOffset To, string? Subject, IReadOnlyList<BreachProfile> Profiles, IReadOnlyDictionary<Guid, string?> Emails);
