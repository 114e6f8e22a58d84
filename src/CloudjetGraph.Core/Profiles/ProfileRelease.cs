using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.ProfileRecords;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.Profiles;

/// <summary>
/// The one path by which a field of a profile reaches a caller, whatever asks (the graph types, the
/// owner's export, the authority export): decide (field matrix, ownership, row scope, the row's
/// access tag, a restriction of processing), open, mask, and record the release in the request's audit ledger. A field that is
/// denied is never decrypted; denials reach the trail as the request's coded errors.
/// </summary>
public sealed partial class ProfileRelease(AccessPolicy policy, ProfileSealer sealer, AuditLedger ledger, ILogger<ProfileRelease> logger)
{
    /// <summary>The caller's access to a field of this profile, as <see cref="AccessPolicy.Field"/> decides it.</summary>
    public FieldAccess AccessOf(Caller caller, Profile profile, ProfileField field) => policy.Field(caller, profile, field).Access;

    /// <summary>
    /// Decides a field that needs no opening (id, organisation, consent, times) and reports its
    /// release. A profile whose access tag did not verify serves only its id: every other field is
    /// <see cref="ErrorCodes.DataIntegrity"/>.
    /// </summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="field">The field.</param>
    /// <param name="purpose">The purpose served when it is not the one the caller's role serves (an authority export serves a legal obligation).</param>
    /// <param name="disclosure">The disclosure to a competent authority the field is part of, if any.</param>
    /// <exception cref="DomainException">The coded denial, reported as such.</exception>
    public FieldAccess Demand(Caller caller, Profile profile, ProfileField field, string? purpose = null, AuthorityDisclosure? disclosure = null)
    {
        var (access, denial) = DecideAndReport(caller, profile, field, purpose, disclosure);
        return denial is null ? access : throw denial;
    }

    /// <summary><see cref="Demand"/>, answering the denial instead of throwing it.</summary>
    /// <returns>The coded denial, or null when the field is released.</returns>
    public DomainException? RefusalOf(Caller caller, Profile profile, ProfileField field) =>
        DecideAndReport(caller, profile, field, purpose: null, disclosure: null).Denial;

    /// <summary>Releases a sealed field: decides, opens, masks when the grant is masked, and reports.</summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="field">The sealed field.</param>
    /// <param name="purpose">The purpose served when it is not the one the caller's role serves (an authority export serves a legal obligation).</param>
    /// <param name="disclosure">The disclosure to a competent authority the field is part of, if any.</param>
    /// <exception cref="DomainException">The coded denial, reported as such.</exception>
    /// <exception cref="Protection.FieldIntegrityException">The stored value failed its integrity check.</exception>
    public string? Release(Caller caller, Profile profile, ProfileField field, string? purpose = null, AuthorityDisclosure? disclosure = null)
    {
        var release = TryRelease(caller, profile, field, admit: null, purpose, disclosure);
        return release.Refusal is { } refusal ? throw refusal : release.Value;
    }

    /// <summary>
    /// Releases a sealed field, or answers its refusal without throwing: decides, runs
    /// <paramref name="admit"/> (a last check such as the per-caller cap, before anything is opened),
    /// opens, masks when the grant is masked, and reports. A page past the cap refuses hundreds of
    /// fields, and a thrown exception costs more than serving the field would.
    /// </summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="field">The sealed field.</param>
    /// <param name="admit">A last check before anything is opened: its refusal, or null to go on.</param>
    /// <param name="purpose">The purpose served when it is not the one the caller's role serves (an authority export serves a legal obligation).</param>
    /// <param name="disclosure">The disclosure to a competent authority the field is part of, if any.</param>
    /// <exception cref="Protection.FieldIntegrityException">The stored value failed its integrity check.</exception>
    public FieldRelease TryRelease(Caller caller, Profile profile, ProfileField field, Func<DomainException?>? admit = null, string? purpose = null, AuthorityDisclosure? disclosure = null)
    {
        var (access, refusal) = Decide(caller, profile, field, purpose);
        refusal ??= admit?.Invoke();
        if (refusal is not null)
        {
            return new FieldRelease(null, refusal);
        }

        var value = sealer.Open(profile, field);
        var released = access == FieldAccess.Masked && value is not null ? PersonalFieldCatalogue.Of(field).Mask!(value) : value;
        Released(caller, profile, field, access, purpose, disclosure);
        return new FieldRelease(released, null);
    }

    private (FieldAccess Access, DomainException? Denial) Decide(Caller caller, Profile profile, ProfileField field, string? purpose)
    {
        var decision = policy.Field(caller, profile, field);
        var denial = decision switch
        {
            { IsDenied: true } => AccessPolicy.Refusal(caller, $"Sign in to read {ProfileFields.NameOf(field)}.", $"Your role may not read {ProfileFields.NameOf(field)}."),
            _ when field != ProfileField.Id && !profile.AccessVerified => new DomainException(ErrorCodes.DataIntegrity, "This profile failed its integrity check and was withheld."),
            _ when IsRestricted(caller, profile, field, purpose) => new DomainException(ErrorCodes.ProcessingRestricted, $"Processing of this person's data is restricted; {ProfileFields.NameOf(field)} is withheld."),
            _ => null,
        };
        if (denial is not null)
        {
            Denied(caller, profile, field, denial.Code);
        }

        return (decision.Access, denial);
    }

    // A field that needs no opening: released as soon as it is decided.
    private (FieldAccess Access, DomainException? Denial) DecideAndReport(Caller caller, Profile profile, ProfileField field, string? purpose, AuthorityDisclosure? disclosure)
    {
        var (access, denial) = Decide(caller, profile, field, purpose);
        if (denial is null)
        {
            Released(caller, profile, field, access, purpose, disclosure);
        }

        return (access, denial);
    }

    // A restriction stops the processing of the person's data by staff, save what the law requires;
    // the owner's own reads are no processing by the controller and go on.
    private bool IsRestricted(Caller caller, Profile profile, ProfileField field, string? purpose) =>
        profile.RestrictedAt is not null && purpose != Purposes.LegalObligation && ProfileFields.IsPersonal(field) && policy.IsStaff(caller);

    // The one place where "a field of profile P was released to caller C" happens.
    private void Released(Caller caller, Profile profile, ProfileField field, FieldAccess access, string? purpose, AuthorityDisclosure? disclosure)
    {
        if (ProfileFields.IsPersonal(field))
        {
            ledger.Released(caller, profile.Id, profile.ConsentPolicyVersion, field, access, purpose, disclosure);
        }

        LogReleased(logger, field, profile.Id, caller.Role.Name, access);
    }

    // The one place where a field of profile P is denied to caller C, before anything is opened.
    private void Denied(Caller caller, Profile profile, ProfileField field, string code) =>
        LogDenied(logger, field, profile.Id, caller.Role.Name, code);

    [LoggerMessage(EventId = 1471, EventName = "ProfileFieldReleased", Level = LogLevel.Trace, Message = "Released {Field} of profile {ProfileId} to role {Role} ({Access}).")]
    private static partial void LogReleased(ILogger logger, ProfileField field, Guid profileId, string role, FieldAccess access);

    [LoggerMessage(EventId = 1472, EventName = "ProfileFieldDenied", Level = LogLevel.Debug, Message = "Denied {Field} of profile {ProfileId} to role {Role}: {Code}.")]
    private static partial void LogDenied(ILogger logger, ProfileField field, Guid profileId, string role, string code);
}
