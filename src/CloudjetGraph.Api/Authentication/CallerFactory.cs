using System.Security.Claims;
using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.Api.Authentication;

/// <summary>Turns a validated bearer token into a <see cref="Caller"/>, loading scoped staff's organisations.</summary>
/// <remarks><see cref="CloudjetBearerEvents"/> has refused any token whose claims or signer do not fit its role.</remarks>
internal sealed class CallerFactory(StaffAssignments assignments, FieldMatrix matrix)
{
    public async Task<Caller> CreateAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true || !TokenClaims.TryRead(user, matrix, out var role, out var subject))
        {
            return Caller.Anonymous;
        }

        var assigned = matrix.ScopeOf(role) == RowScope.AssignedOrganizations
            ? await assignments.OrganizationsOfAsync(subject, cancellationToken)
            : new HashSet<Guid>();
        return new Caller(role, subject, assigned);
    }
}
