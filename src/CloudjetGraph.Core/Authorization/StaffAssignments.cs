using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Authorization;

/// <summary>The customer organisations each staff subject is assigned to: the rows a role scoped to <see cref="RowScope.AssignedOrganizations"/> may see.</summary>
public sealed class StaffAssignments(CloudjetDbContext db)
{
    // Read for every request of a scoped role, before anything else: compiled once, so it skips
    // building and looking up its query each time.
    private static readonly Func<CloudjetDbContext, string, IAsyncEnumerable<Guid>> OrganizationsOf =
        EF.CompileAsyncQuery((CloudjetDbContext context, string subject) =>
            context.Set<StaffAssignment>().AsNoTracking().Where(a => a.StaffSubject == subject).Select(a => a.OrganizationId));

    /// <summary>The organisations <paramref name="subject"/> is assigned to; none when it has no assignment.</summary>
    public async Task<IReadOnlySet<Guid>> OrganizationsOfAsync(string subject, CancellationToken cancellationToken)
    {
        var organizations = new HashSet<Guid>();
        await foreach (var organization in OrganizationsOf(db, subject).WithCancellation(cancellationToken))
        {
            organizations.Add(organization);
        }

        return organizations;
    }
}
