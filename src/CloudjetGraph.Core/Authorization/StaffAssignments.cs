using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Authorization;

/// <summary>The customer organisations each staff subject is assigned to: the rows a role scoped to <see cref="RowScope.AssignedOrganizations"/> may see.</summary>
public sealed class StaffAssignments(CloudjetDbContext db)
{
    /// <summary>The organisations <paramref name="subject"/> is assigned to; none when it has no assignment.</summary>
    public async Task<IReadOnlySet<Guid>> OrganizationsOfAsync(string subject, CancellationToken cancellationToken) =>
        (await db.StaffAssignments.AsNoTracking()
            .Where(a => a.StaffSubject == subject)
            .Select(a => a.OrganizationId)
            .ToListAsync(cancellationToken)).ToHashSet();
}
