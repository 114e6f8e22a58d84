using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Privacy;

/// <summary>
/// The right to restriction of processing: the owner restricts or lifts on their own profile, staff
/// (management by default) on the customer's recorded request. The restriction is stored on the
/// profile (covered by its access tag) and as an event of the consent history; while it stands,
/// <see cref="ProfileRelease"/> withholds the personal fields from staff. Each call is recorded
/// through <see cref="OperationLog"/>, refusals included, with ids, the reason's label and the
/// reference, never a personal value. Restricting twice, or lifting what is not restricted,
/// changes nothing and says so in the record.
/// </summary>
public sealed class ProcessingRestrictions(CloudjetDbContext db, ProfileVisibility visibility, ProfileAccessTag accessTag, OperationLog log, TimeProvider time)
{
    /// <summary>The owner restricts processing of their own profile for <paramref name="reason"/> (one of <see cref="RestrictionReasons"/>).</summary>
    /// <returns>The profile, its restriction as it now stands.</returns>
    /// <exception cref="DomainException">Not an owner; an unknown reason (<see cref="ErrorCodes.Validation"/>); the profile gone (<see cref="ErrorCodes.NotFound"/>), failing its access tag (<see cref="ErrorCodes.DataIntegrity"/>) or changed concurrently (<see cref="ErrorCodes.Conflict"/>).</exception>
    public Task<Profile> RestrictOwnAsync(Caller caller, string? reason, CancellationToken cancellationToken)
    {
        var profileId = OwnProfileOf(caller);
        return RunAsync(caller, PrivacyOperationNames.RestrictProcessing, $"profile {profileId}", async token =>
        {
            var checkedReason = CheckReason(reason);
            return await ApplyAsync(await OwnAsync(profileId, token), restrict: true, checkedReason, RestrictionPlacers.Owner, token);
        }, cancellationToken);
    }

    /// <summary>The owner lifts the restriction they placed themselves.</summary>
    /// <exception cref="DomainException">Not an owner; a restriction staff placed (<see cref="ErrorCodes.NotAuthorized"/>); the profile gone, failing its tag or changed concurrently.</exception>
    public Task<Profile> LiftOwnAsync(Caller caller, CancellationToken cancellationToken)
    {
        var profileId = OwnProfileOf(caller);
        return RunAsync(caller, PrivacyOperationNames.LiftRestriction, $"profile {profileId}", async token =>
            await ApplyAsync(await OwnAsync(profileId, token), restrict: false, null, RestrictionPlacers.Owner, token), cancellationToken);
    }

    /// <summary>Staff restrict processing of a profile within their reach on the customer's recorded request.</summary>
    /// <exception cref="DomainException">A bad reference or reason (<see cref="ErrorCodes.Validation"/>); no such profile within reach (<see cref="ErrorCodes.NotFound"/>, as for an unknown id); failing its tag or changed concurrently.</exception>
    public Task<Profile> RestrictProfileAsync(Caller caller, string id, string? requestReference, string? reason, CancellationToken cancellationToken) =>
        RunAsync(caller, PrivacyOperationNames.RestrictProfile, RecordedProfileId.Of(id), async token =>
        {
            var reference = RequestReference.Check(requestReference);
            var checkedReason = CheckReason(reason);
            var (profile, detail) = await ApplyAsync(await ReachableAsync(caller, id, token), restrict: true, checkedReason, RestrictionPlacers.Staff, token);
            return (profile, $"{detail} On request {reference}.");
        }, cancellationToken);

    /// <summary>Staff lift the restriction of a profile within their reach on the customer's recorded request, whoever placed it.</summary>
    /// <exception cref="DomainException">A bad reference (<see cref="ErrorCodes.Validation"/>); no such profile within reach (<see cref="ErrorCodes.NotFound"/>); failing its tag or changed concurrently.</exception>
    public Task<Profile> LiftProfileAsync(Caller caller, string id, string? requestReference, CancellationToken cancellationToken) =>
        RunAsync(caller, PrivacyOperationNames.LiftProfileRestriction, RecordedProfileId.Of(id), async token =>
        {
            var reference = RequestReference.Check(requestReference);
            var (profile, detail) = await ApplyAsync(await ReachableAsync(caller, id, token), restrict: false, null, RestrictionPlacers.Staff, token);
            return (profile, $"{detail} On request {reference}.");
        }, cancellationToken);

    private static Guid OwnProfileOf(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.OwnProfileId ?? throw AccessPolicy.Refusal(
            caller, "Sign in to restrict the processing of your data.", "Only a profile's owner may do this; staff use restrictProfile and liftProfileRestriction.");
    }

    private async Task<Profile> RunAsync(
        Caller caller, string operation, string target, Func<CancellationToken, Task<(Profile Profile, string Detail)>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (profile, _) = await log.RunAsync(OperationActor.Of(caller), operation, target, work, result => new OperationSummary(target, result.Detail), cancellationToken);
        return profile;
    }

    private static string CheckReason(string? reason) =>
        reason is not null && RestrictionReasons.All.Contains(reason)
            ? reason
            : throw new DomainException(ErrorCodes.Validation, $"reason must be one of {string.Join(", ", RestrictionReasons.All)}.", "reason");

    private async Task<Profile> OwnAsync(Guid profileId, CancellationToken cancellationToken) =>
        Verified(await db.Profiles.SingleOrDefaultAsync(p => p.Id == profileId, cancellationToken));

    // Out of reach answers exactly like an unknown or malformed id, as the other profile mutations do.
    private async Task<Profile> ReachableAsync(Caller caller, string id, CancellationToken cancellationToken) =>
        Verified(Guid.TryParse(id, out var known)
            ? await visibility.Profiles(db.Profiles, caller).SingleOrDefaultAsync(p => p.Id == known, cancellationToken)
            : null);

    private Profile Verified(Profile? profile)
    {
        if (profile is null)
        {
            throw new DomainException(ErrorCodes.NotFound, "The profile does not exist.", "id");
        }

        if (!accessTag.Check(profile))
        {
            // Re-stamping would bless whatever was written into the row behind the gateway's back.
            throw new DomainException(ErrorCodes.DataIntegrity, "This profile failed its integrity check and cannot be changed.");
        }

        return profile;
    }

    private async Task<(Profile Profile, string Detail)> ApplyAsync(Profile profile, bool restrict, string? reason, string placer, CancellationToken cancellationToken)
    {
        var changes = restrict ? RestrictionRule.Restricts(profile.RestrictedBy, placer) : RestrictionRule.Lifts(profile.RestrictedBy, placer);
        if (!changes)
        {
            return (profile, restrict
                ? $"Processing was restricted already ({profile.RestrictionReason}, by {profile.RestrictedBy}); nothing changed."
                : "Processing was not restricted; nothing changed.");
        }

        // Whole microseconds, which PostgreSQL keeps: the time returned now is the time read later.
        var clock = time.GetUtcNow();
        var now = clock.AddTicks(-(clock.Ticks % TimeSpan.TicksPerMicrosecond));
        var liftedReason = profile.RestrictionReason;
        profile.RestrictedAt = restrict ? profile.RestrictedAt ?? now : null;
        profile.RestrictionReason = reason;
        profile.RestrictedBy = restrict ? placer : null;
        profile.Version++;
        accessTag.Stamp(profile);
        db.ConsentEvents.Add(new ConsentEvent
        {
            ProfileId = profile.Id,
            Kind = restrict ? ConsentEventKinds.Restricted : ConsentEventKinds.Unrestricted,
            PolicyVersion = profile.ConsentPolicyVersion,
            At = now,
            RestrictionReason = reason ?? liftedReason,
            By = placer,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new DomainException(ErrorCodes.Conflict, "The profile was changed by another request; reload it and try again.", null, exception);
        }

        return (profile, restrict ? $"Restricted processing ({reason}, by {placer})." : $"Lifted the restriction of processing ({liftedReason}).");
    }
}
