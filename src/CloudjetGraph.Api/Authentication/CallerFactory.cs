using System.Security.Claims;
using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.Authentication;

/// <summary>Turns a validated bearer token into a <see cref="Caller"/>, loading scoped staff's organisations.</summary>
internal sealed class CallerFactory(CloudjetDbContext db, FieldMatrix matrix, IOptions<AccessTokenOptions> tokenOptions)
{
    public async Task<Caller> CreateAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var subject = user.FindFirstValue(TokenIssuer.SubjectClaim);
        if (user.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(subject)
            || !RoleNames.TryParse(user.FindFirstValue(TokenIssuer.RoleClaim), out var role) || role == Role.Anonymous
            || (role == Role.Owner && !IssuedByTheGateway(user)))
        {
            return Caller.Anonymous;
        }

        var assigned = matrix.ScopeOf(role) == RowScope.AssignedOrganizations
            ? await db.StaffAssignments.AsNoTracking().Where(a => a.StaffSubject == subject).Select(a => a.OrganizationId).ToListAsync(cancellationToken)
            : [];
        return new Caller(role, subject, assigned.ToHashSet());
    }

    // Owners get tokens only from login; the identity provider vouches for staff, never for a profile's owner.
    private bool IssuedByTheGateway(ClaimsPrincipal user) =>
        string.Equals(user.FindFirstValue(TokenIssuer.IssuerClaim), tokenOptions.Value.Issuer, StringComparison.Ordinal);
}
