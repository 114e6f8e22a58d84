using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.ProfileRecords;

namespace CloudjetGraph.Core.Authorization;

/// <summary>
/// The one access policy: decides every profile field (the matrix, ownership, row scope) and every
/// operation (<c>Authorization:Operations</c>) for a caller, and owns the rule that a refused caller
/// without a token is told to sign in while a signed-in one is told it is not allowed.
/// </summary>
public sealed class AccessPolicy(FieldMatrix matrix, OperationGrants operations)
{
    /// <summary>Whether the caller is staff (its role has a row scope), so its reads of personal data are audited.</summary>
    public bool IsStaff(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return matrix.IsStaff(caller.Role);
    }

    /// <summary>
    /// The caller's access to a field of this profile: the matrix's grant for the role, for an owner
    /// only on their own profile, for staff only within their row scope; denied otherwise.
    /// </summary>
    public AccessDecision Field(Caller caller, Profile profile, ProfileField field)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(profile);
        var reaches = matrix.ScopeOf(caller.Role) switch
        {
            RowScope.All => true,
            RowScope.AssignedOrganizations => caller.AssignedOrganizations.Contains(profile.OrganizationId),
            RowScope.Own => caller.OwnProfileId == profile.Id,
            _ => false,
        };
        var access = reaches ? matrix.AccessOf(caller.Role, field) : FieldAccess.None;
        return access == FieldAccess.None ? Denied(caller) : new AccessDecision(access, null);
    }

    /// <summary>Who may read a profile's access log (which staff read it): its owner, and nobody else.</summary>
    public static AccessDecision AccessLog(Caller caller, Guid profileId) => OwnerOnly(caller, profileId);

    /// <summary>Who may read what only concerns the person (their access log, their restriction of processing): the profile's owner, and nobody else.</summary>
    public static AccessDecision OwnerOnly(Caller caller, Guid profileId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.OwnProfileId == profileId ? new AccessDecision(FieldAccess.Read, null) : Denied(caller);
    }

    /// <summary>Whether the caller's role may change <paramref name="field"/> (the matrix grants it <see cref="FieldAccess.Edit"/>).</summary>
    public bool MayEdit(Caller caller, ProfileField field)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return matrix.AccessOf(caller.Role, field) == FieldAccess.Edit;
    }

    /// <summary>Whether the caller may run <paramref name="operation"/> (one of <see cref="AccessOperations.All"/>).</summary>
    public AccessDecision Operation(Caller caller, string operation)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return operations.Allows(caller.Role, operation) ? new AccessDecision(FieldAccess.Read, null) : Denied(caller);
    }

    /// <summary>The refusal of <paramref name="caller"/>: <paramref name="signIn"/> without a token, <paramref name="notAllowed"/> otherwise.</summary>
    public static DomainException Refusal(Caller caller, string signIn, string notAllowed)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var code = DenialCodeOf(caller);
        return new DomainException(code, code == ErrorCodes.NotAuthenticated ? signIn : notAllowed);
    }

    private static AccessDecision Denied(Caller caller) => new(FieldAccess.None, DenialCodeOf(caller));

    // The one place where "not signed in" and "not allowed" part.
    private static string DenialCodeOf(Caller caller) =>
        caller.Role == Role.Anonymous ? ErrorCodes.NotAuthenticated : ErrorCodes.NotAuthorized;
}
