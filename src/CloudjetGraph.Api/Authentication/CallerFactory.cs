using System.Security.Claims;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Api.Authentication;

/// <summary>Turns a validated bearer token into a <see cref="Caller"/>, loading scoped staff's organisations.</summary>
/// <remarks><see cref="CloudjetBearerEvents"/> has refused any token whose claims or signer do not fit its role.</remarks>
internal sealed class CallerFactory(CloudjetDbContext db, FieldMatrix matrix)
{
    public async Task<Caller> CreateAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true || !TokenClaims.TryRead(user, matrix, out var role, out var subject))
        {
            return Caller.Anonymous;
        }

        var assigned = matrix.ScopeOf(role) == RowScope.AssignedOrganizations
            ? await db.StaffAssignments.AsNoTracking().Where(a => a.StaffSubject == subject).Select(a => a.OrganizationId).ToListAsync(cancellationToken)
            : [];
        return new Caller(role, subject, assigned.ToHashSet());
    }
}
