using CloudjetGraph.Core.ProfileRecords;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Profiles;

/// <summary>
/// A page drawn from a set of organisations without collecting their profiles: each organisation's
/// slice is a seek on the (organisation, id) index that reads at most a page of rows, already in id
/// order, and only the union of those slices (at most a page per organisation) is sorted. A filter
/// of the form "organisation in (…) order by id" would instead read every profile of every listed
/// organisation and sort them all, on both providers, on every page.
/// </summary>
internal static class OrganizationSlices
{
    // Bounded so a statement stays within SQLite's 500 terms of a compound select; a caller with
    // more organisations gets one statement per group, merged here.
    internal const int SlicesPerStatement = 50;

    /// <summary>Up to <paramref name="take"/> profiles of these organisations from the keyset, in its order.</summary>
    public static async Task<List<Profile>> ReadAsync(
        IQueryable<Profile> profiles, IReadOnlyCollection<Guid> organizations, ProfileKeyset keyset, int take, CancellationToken cancellationToken)
    {
        var rows = new List<Profile>();
        foreach (var group in organizations.Chunk(SlicesPerStatement))
        {
            rows.AddRange(await Query(profiles, group, keyset, take).ToListAsync(cancellationToken));
        }

        return [.. keyset.Order(rows).Take(take)];
    }

    /// <summary>One statement: the union of each organisation's slice, ordered and cut to a page.</summary>
    public static IQueryable<Profile> Query(IQueryable<Profile> profiles, IReadOnlyCollection<Guid> organizations, ProfileKeyset keyset, int take)
    {
        var union = organizations.Select(organizationId => keyset.Apply(profiles.Where(p => p.OrganizationId == organizationId)).Take(take)).Aggregate(Queryable.Concat);
        return keyset.Sorted(union).Take(take);
    }
}
