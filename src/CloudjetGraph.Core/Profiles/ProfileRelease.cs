using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.Profiles;

/// <summary>
/// The one path by which a field of a profile reaches a caller, whatever asks (the graph types, the
/// owner's export, the authority export): decide (field matrix, ownership, row scope, the row's
/// access tag), open, mask, and record the release in the request's audit ledger. A field that is
/// denied is never decrypted; denials reach the trail as the request's coded errors.
/// </summary>
public sealed partial class ProfileRelease(FieldMatrix matrix, ProfileSealer sealer, AuditLedger ledger, ILogger<ProfileRelease> logger)
{
    /// <summary>
    /// The caller's access to a field of this profile: the matrix's grant for the role, for an owner
    /// only on their own profile, for staff only within their row scope; <see cref="FieldAccess.None"/> otherwise.
    /// </summary>
    public FieldAccess AccessOf(Caller caller, Profile profile, ProfileField field)
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
        return reaches ? matrix.AccessOf(caller.Role, field) : FieldAccess.None;
    }

    /// <summary>
    /// Decides a field that needs no opening (id, organisation, consent, times) and reports its
    /// release. A profile whose access tag did not verify serves only its id: every other field is
    /// <see cref="ErrorCodes.DataIntegrity"/>.
    /// </summary>
    /// <exception cref="DomainException">The coded denial, reported as such.</exception>
    public FieldAccess Demand(Caller caller, Profile profile, ProfileField field)
    {
        var access = Decide(caller, profile, field);
        Released(caller, profile, field, access);
        return access;
    }

    /// <summary>
    /// Releases a sealed field: decides, runs <paramref name="admit"/> (a last check such as the
    /// per-caller cap, before anything is opened), opens, masks when the grant is masked, and reports.
    /// </summary>
    /// <exception cref="DomainException">The coded denial (reported), or <paramref name="admit"/>'s refusal.</exception>
    /// <exception cref="Protection.FieldIntegrityException">The stored value failed its integrity check.</exception>
    public string? Release(Caller caller, Profile profile, ProfileField field, Action? admit = null)
    {
        var descriptor = PersonalFieldCatalogue.Of(field);
        var access = Decide(caller, profile, field);
        admit?.Invoke();
        var value = sealer.Open(profile, field);
        var released = access == FieldAccess.Masked && value is not null ? descriptor.Mask!(value) : value;
        Released(caller, profile, field, access);
        return released;
    }

    private FieldAccess Decide(Caller caller, Profile profile, ProfileField field)
    {
        var access = AccessOf(caller, profile, field);
        var denial = access switch
        {
            FieldAccess.None when caller.Role == Role.Anonymous => new DomainException(ErrorCodes.NotAuthenticated, $"Sign in to read {ProfileFields.NameOf(field)}."),
            FieldAccess.None => new DomainException(ErrorCodes.NotAuthorized, $"Your role may not read {ProfileFields.NameOf(field)}."),
            _ when field != ProfileField.Id && !profile.AccessVerified => new DomainException(ErrorCodes.DataIntegrity, "This profile failed its integrity check and was withheld."),
            _ => null,
        };
        if (denial is not null)
        {
            Denied(caller, profile, field, denial.Code);
            throw denial;
        }

        return access;
    }

    // The one place where "a field of profile P was released to caller C" happens.
    private void Released(Caller caller, Profile profile, ProfileField field, FieldAccess access)
    {
        if (ProfileFields.IsPersonal(field))
        {
            ledger.Released(caller, profile.Id, field, access);
        }

        LogReleased(logger, field, profile.Id, caller.Role, access);
    }

    // The one place where a field of profile P is denied to caller C, before anything is opened.
    private void Denied(Caller caller, Profile profile, ProfileField field, string code) =>
        LogDenied(logger, field, profile.Id, caller.Role, code);

    [LoggerMessage(EventId = 1471, EventName = "ProfileFieldReleased", Level = LogLevel.Trace, Message = "Released {Field} of profile {ProfileId} to role {Role} ({Access}).")]
    private static partial void LogReleased(ILogger logger, ProfileField field, Guid profileId, Role role, FieldAccess access);

    [LoggerMessage(EventId = 1472, EventName = "ProfileFieldDenied", Level = LogLevel.Debug, Message = "Denied {Field} of profile {ProfileId} to role {Role}: {Code}.")]
    private static partial void LogDenied(ILogger logger, ProfileField field, Guid profileId, Role role, string code);
}
