using System.Security.Claims;
using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.Api.Authentication;

/// <summary>Reads who a token names, refusing anything but exactly one subject and exactly one known role.</summary>
internal static class TokenClaims
{
    /// <summary>
    /// The role and subject of <paramref name="principal"/>, when it carries one non-empty subject
    /// and one role claim naming, exactly, a role the configuration knows (not <c>anonymous</c>). Several role
    /// claims are refused rather than one picked: which one an issuer meant is not ours to guess.
    /// </summary>
    public static bool TryRead(ClaimsPrincipal principal, FieldMatrix roles, out Role role, out string subject)
    {
        var subjects = principal.FindAll(TokenIssuer.SubjectClaim).Select(c => c.Value).ToList();
        var claimed = principal.FindAll(TokenIssuer.RoleClaim).Select(c => c.Value).ToList();
        subject = subjects is [{ Length: > 0 } single] ? single : string.Empty;
        role = Role.Anonymous;
        return subject.Length > 0 && claimed is [var name] && roles.TryFindRole(name, out role) && role != Role.Anonymous;
    }
}
