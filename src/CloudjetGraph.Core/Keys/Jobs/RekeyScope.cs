using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.ProfileRecords;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>Which profiles a rekey covers: all, one organisation's, or one profile.</summary>
/// <param name="OrganizationId">Only this organisation's profiles.</param>
/// <param name="ProfileId">Only this profile.</param>
public sealed record RekeyScope(Guid? OrganizationId, Guid? ProfileId)
{
    /// <summary>Every profile.</summary>
    public static RekeyScope All { get; } = new(null, null);

    /// <summary>The stored name of the scope (a checkpoint is kept per scope): <c>all</c>, <c>organization:{id}</c> or <c>profile:{id}</c>.</summary>
    public string Name => ProfileId is { } profile ? $"profile:{profile}" : OrganizationId is { } organization ? $"organization:{organization}" : "all";

    /// <summary>The profiles in scope.</summary>
    public IQueryable<Profile> Filter(IQueryable<Profile> profiles) =>
        ProfileId is { } profileId ? profiles.Where(p => p.Id == profileId)
        : OrganizationId is { } organizationId ? profiles.Where(p => p.OrganizationId == organizationId)
        : profiles;

    /// <summary>Whether the organisation or profile named exists (always true for all).</summary>
    public async Task<bool> ExistsAsync(CloudjetDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return ProfileId is { } profileId ? await db.Profiles.AnyAsync(p => p.Id == profileId, cancellationToken)
            : OrganizationId is not { } organizationId || await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken);
    }
}
