using CloudjetGraph.Core.ProfileRecords;

namespace CloudjetGraph.Core.Profiles;

/// <summary>One page of profiles, read forward or backward.</summary>
/// <param name="Nodes">The profiles, oldest first.</param>
/// <param name="HasNextPage">Whether newer profiles follow. Paging backward, known only with <see cref="ProfilePageParts.BeyondCursor"/>; false without it.</param>
/// <param name="HasPreviousPage">Whether older profiles precede. Paging forward, known only with <see cref="ProfilePageParts.BeyondCursor"/>; false without it.</param>
/// <param name="TotalCount">How many match across all pages; null when <see cref="ProfilePageParts.TotalCount"/> was not asked for.</param>
public sealed record ProfilePage(IReadOnlyList<Profile> Nodes, bool HasNextPage, bool HasPreviousPage, int? TotalCount);
