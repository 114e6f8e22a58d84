using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Privacy;

/// <summary>An owner accepts the current policy version (POLICY.md §1): the profile's consent columns and a new history event, together.</summary>
public sealed class PolicyAcceptance(
    CloudjetDbContext db, ProfileAccessTag accessTag, OperationLog operations, OwnerSecurityStamps accounts, IOptions<PolicyOptions> policy, TimeProvider time)
{
    /// <summary>
    /// Records that the caller accepted <paramref name="version"/>, which must be the configured
    /// current one. Idempotent: accepting the version already accepted changes nothing. Recorded as
    /// <see cref="PrivacyOperationNames.AcceptPolicy"/>, refusals of an owner included.
    /// </summary>
    /// <returns>The owner's profile, with its consent as it now stands.</returns>
    /// <exception cref="DomainException">Not an owner (<see cref="ErrorCodes.NotAuthenticated"/>, <see cref="ErrorCodes.NotAuthorized"/>); not the current version (<see cref="ErrorCodes.Validation"/>); the profile is gone (<see cref="ErrorCodes.NotFound"/>), fails its access tag (<see cref="ErrorCodes.DataIntegrity"/>) or changed concurrently (<see cref="ErrorCodes.Conflict"/>).</exception>
    public Task<Profile> AcceptAsync(Caller caller, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var profileId = caller.OwnProfileId ?? throw AccessPolicy.Refusal(
            caller, "Sign in to accept the privacy policy.", "Only a profile's owner may accept the privacy policy.");
        return AcceptAsync(caller, profileId, version, cancellationToken);
    }

    private async Task<Profile> AcceptAsync(Caller caller, Guid profileId, string version, CancellationToken cancellationToken)
    {
        var current = policy.Value.CurrentVersion;
        var (profile, _) = await operations.RunAsync(
            OperationActor.Of(caller),
            PrivacyOperationNames.AcceptPolicy,
            $"profile {profileId}",
            token => AcceptAsync(profileId, version, current, token),
            result => new OperationSummary($"profile {profileId}", result.Changed ? $"Accepted policy version {current}." : $"Policy version {current} was accepted already; nothing changed."),
            cancellationToken);
        return profile;
    }

    private async Task<(Profile Profile, bool Changed)> AcceptAsync(Guid profileId, string version, string current, CancellationToken cancellationToken)
    {
        // The given text is never echoed: only the configured version is named.
        if (version != current)
        {
            throw new DomainException(ErrorCodes.Validation, $"Only the current policy version, {current}, can be accepted.", "version");
        }

        var profile = await db.Profiles.SingleOrDefaultAsync(p => p.Id == profileId, cancellationToken)
            ?? throw new DomainException(ErrorCodes.NotFound, "The profile does not exist.");
        if (!accessTag.Check(profile))
        {
            // Re-stamping would bless whatever was written into the row behind the gateway's back.
            throw new DomainException(ErrorCodes.DataIntegrity, "Your profile failed its integrity check and cannot be changed; contact support.");
        }

        if (profile.ConsentPolicyVersion == current)
        {
            return (profile, false);
        }

        // Consent is covered by the access tag, so the tag is stamped again with the new columns;
        // the event and the columns commit together.
        var now = time.GetUtcNow();
        profile.ConsentPolicyVersion = current;
        profile.ConsentAcceptedAt = now;
        profile.UpdatedAt = now;
        profile.Version++;
        accessTag.Stamp(profile);
        db.ConsentEvents.Add(ConsentEvent.AcceptanceOf(profile));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new DomainException(ErrorCodes.Conflict, "The profile was changed by another request; reload it and try again.", null, exception);
        }

        // The consent gate reads the accepted version from that cache: here it counts at once.
        accounts.Forget(profileId);
        return (profile, true);
    }
}
