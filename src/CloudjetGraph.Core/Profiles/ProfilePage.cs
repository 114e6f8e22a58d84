using CloudjetGraph.Core.ProfileRecords;

namespace CloudjetGraph.Core.Profiles;

/// <summary>One page of profiles.</summary>
/// <param name="Nodes">The profiles, oldest first.</param>
/// <param name="HasNextPage">Whether more follow.</param>
/// <param name="TotalCount">How many match across all pages; null when <see cref="ProfilePageParts.TotalCount"/> was not asked for.</param>
public sealed record ProfilePage(IReadOnlyList<Profile> Nodes, bool HasNextPage, int? TotalCount);
