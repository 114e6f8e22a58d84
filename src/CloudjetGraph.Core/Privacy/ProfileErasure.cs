using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Onboarding;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Privacy;

/// <summary>
/// The one place every erasure goes through (POLICY.md §4, §7): an owner deleting their account or
/// withdrawing consent, staff erasing a profile or a cancelled organisation on a recorded request.
/// Each checks who may, then hands the profiles to <see cref="ProfileRemoval"/> and is recorded by
/// <see cref="OperationLog"/> with profile or organisation ids and the request reference, never a
/// personal value. An erased profile answers exactly like one that never existed.
/// </summary>
public sealed class ProfileErasure(
    CloudjetDbContext db,
    ProfileRemoval removal,
    ProfileVisibility visibility,
    ProfileSealer sealer,
    IDbContextFactory<KeyStoreDbContext> keyStores,
    IPasswordHasher<Profile> passwordHasher,
    OperationLog operations,
    TimeProvider time)
{
    /// <summary>Profiles of an organisation erased per batch: one key store delete and one database transaction each.</summary>
    public const int OrganizationBatchSize = 200;

    private const string ErasedDetail = "Person key shredded; profile row, blind-index entries, sealed password hash and its invitation removed from the live database.";

    /// <summary>The owner erases their own account after re-entering the password.</summary>
    /// <exception cref="DomainException">Not an owner; a wrong password (<see cref="ErrorCodes.InvalidCredentials"/>); the profile is gone (<see cref="ErrorCodes.NotFound"/>).</exception>
    public Task<ErasureResult> DeleteOwnAccountAsync(Caller caller, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        return EraseOwnAsync(caller, PrivacyOperationNames.DeleteAccount, password, withdraw: false, cancellationToken);
    }

    /// <summary>
    /// The owner withdraws consent, which erases the account as <see cref="DeleteOwnAccountAsync"/>
    /// does, after a withdrawal event in the consent history. An account with a password needs it;
    /// one without (it cannot log in) is proved by its token alone.
    /// </summary>
    /// <exception cref="DomainException">Not an owner; the password missing (<see cref="ErrorCodes.Validation"/>) or wrong (<see cref="ErrorCodes.InvalidCredentials"/>); the profile is gone (<see cref="ErrorCodes.NotFound"/>).</exception>
    public Task<ErasureResult> WithdrawConsentAsync(Caller caller, string? password, CancellationToken cancellationToken) =>
        EraseOwnAsync(caller, PrivacyOperationNames.WithdrawConsent, password, withdraw: true, cancellationToken);

    /// <summary>Management, or support within its organisations, erases one profile on the customer's request.</summary>
    /// <param name="caller">The staff member.</param>
    /// <param name="id">The profile id as given; a malformed one is as unknown as a missing profile.</param>
    /// <param name="requestReference">The customer's request (<see cref="RequestReference"/>).</param>
    /// <param name="cancellationToken">Stops the work before the key is shredded.</param>
    /// <exception cref="DomainException">Another role (<see cref="ErrorCodes.NotAuthorized"/>, <see cref="ErrorCodes.NotAuthenticated"/>); a bad reference (<see cref="ErrorCodes.Validation"/>); no such profile within reach (<see cref="ErrorCodes.NotFound"/>).</exception>
    public Task<ErasureResult> EraseProfileAsync(Caller caller, string id, string? requestReference, CancellationToken cancellationToken)
    {
        var profileId = ParseId(id);
        return EraseOnRequestAsync(caller, PrivacyOperationNames.EraseProfile, ProfileTarget(id), requestReference, async token =>
        {
            if (profileId is not { } known || !await visibility.Profiles(db.Profiles.AsNoTracking(), caller).AnyAsync(p => p.Id == known, token))
            {
                throw new DomainException(ErrorCodes.NotFound, "No such profile within your reach; it may have been erased already.", "id");
            }

            return await removal.EraseAsync([known], token);
        }, cancellationToken);
    }

    /// <summary>
    /// Management erases every profile of an organisation that cancelled the service (§4), in batches
    /// of <see cref="OrganizationBatchSize"/>, and its invitations. The organisation itself (a company
    /// name, not personal data) and its staff assignments stay. Running it again erases what is left:
    /// profiles signed up since, or a batch a crash interrupted.
    /// </summary>
    /// <exception cref="DomainException">Not management; a bad reference (<see cref="ErrorCodes.Validation"/>); no such organisation (<see cref="ErrorCodes.NotFound"/>).</exception>
    public Task<ErasureResult> EraseOrganizationAsync(Caller caller, string id, string? requestReference, CancellationToken cancellationToken)
    {
        var organizationId = ParseId(id);
        return EraseOnRequestAsync(caller, PrivacyOperationNames.EraseOrganization, OrganizationTarget(id), requestReference, async token =>
        {
            if (organizationId is not { } known || !await db.Organizations.AnyAsync(o => o.Id == known, token))
            {
                throw new DomainException(ErrorCodes.NotFound, "No such organization.", "id");
            }

            var erased = 0;
            while (await db.Profiles.AsNoTracking().Where(p => p.OrganizationId == known).OrderBy(p => p.Id).Select(p => p.Id).Take(OrganizationBatchSize).ToListAsync(token) is { Count: > 0 } batch)
            {
                erased += await removal.EraseAsync(batch, token);
            }

            // Open invitations would let someone sign up into a cancelled customer, and a bound one
            // holds the blind index of an invitee's email.
            var bound = await db.Invitations.AsNoTracking().Where(i => i.OrganizationId == known && i.UsedAt == null && i.EmailIndex != null).Select(i => new { i.Id, i.CreatedAt }).ToListAsync(CancellationToken.None);
            await db.Invitations.Where(i => i.OrganizationId == known).ExecuteDeleteAsync(CancellationToken.None);
            await RemovalRecords.RecordAsync(db, StoredRecordKinds.Invitation, bound.Select(i => (i.Id, i.CreatedAt)), time.GetUtcNow(), CancellationToken.None);
            return erased;
        }, cancellationToken);
    }

    private async Task<ErasureResult> EraseOwnAsync(Caller caller, string operation, string? password, bool withdraw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var profileId = caller.OwnProfileId ?? throw AccessPolicy.Refusal(
            caller, "Sign in to erase your account.", "Only a profile's owner may erase it this way; staff use eraseProfile.");
        return await operations.RunAsync(
            OperationActor.Of(caller),
            operation,
            $"profile {profileId}",
            async token =>
            {
                var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == profileId, token)
                    ?? throw new DomainException(ErrorCodes.NotFound, "The profile does not exist; it may have been erased already.");
                await ConfirmOwnerAsync(profile, password, token);
                if (withdraw)
                {
                    await RecordWithdrawalAsync(profile, token);
                }

                return new ErasureResult(await removal.EraseAsync([profileId], token), time.GetUtcNow());
            },
            _ => new OperationSummary($"profile {profileId}", ErasedDetail),
            cancellationToken);
    }

    private async Task<ErasureResult> EraseOnRequestAsync(
        Caller caller, string operation, string target, string? requestReference, Func<CancellationToken, Task<int>> erase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string? reference = null;
        return await operations.RunAsync(
            OperationActor.Of(caller),
            operation,
            target,
            async token =>
            {
                reference = RequestReference.Check(requestReference);
                return new ErasureResult(await erase(token), time.GetUtcNow());
            },
            result => new OperationSummary($"{target}, request {reference}", $"Erased {result.ErasedProfiles} profile(s). {ErasedDetail}"),
            cancellationToken);
    }

    // The password is checked while the person key exists. Once it is gone (an erasure that broke
    // off after shredding) nothing of the person can be read any more, and the token alone lets
    // the owner finish it: otherwise the half-erased row could never be removed by its owner.
    private async Task ConfirmOwnerAsync(Profile profile, string? password, CancellationToken cancellationToken)
    {
        await using var keyStore = await keyStores.CreateDbContextAsync(cancellationToken);
        if (profile.PasswordHash is null || !await keyStore.PersonKeys.AnyAsync(k => k.ProfileId == profile.Id, cancellationToken))
        {
            return;
        }

        if (password is null)
        {
            throw new DomainException(ErrorCodes.Validation, "Re-enter your password to confirm.", "password");
        }

        string? hash;
        try
        {
            hash = await sealer.OpenPasswordHashAsync(profile, cancellationToken);
        }
        catch (FieldIntegrityException)
        {
            hash = null;
        }

        if (hash is null || passwordHasher.VerifyHashedPassword(profile, hash, password) == PasswordVerificationResult.Failed)
        {
            throw new DomainException(ErrorCodes.InvalidCredentials, "The password is incorrect.", "password");
        }
    }

    // Once per withdrawal: a rerun after a crash finds the event already there.
    private async Task RecordWithdrawalAsync(Profile profile, CancellationToken cancellationToken)
    {
        var last = await db.ConsentEvents.AsNoTracking().Where(e => e.ProfileId == profile.Id).OrderByDescending(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        if (last?.Kind == ConsentEventKinds.Withdrawn)
        {
            return;
        }

        db.ConsentEvents.Add(new ConsentEvent { ProfileId = profile.Id, Kind = ConsentEventKinds.Withdrawn, PolicyVersion = profile.ConsentPolicyVersion, At = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>How an erasure of profile <paramref name="id"/> (as given) is named in the trail, refusals included.</summary>
    public static string ProfileTarget(string id) => $"profile {Named(ParseId(id))}";

    /// <summary>How an erasure of organisation <paramref name="id"/> (as given) is named in the trail, refusals included.</summary>
    public static string OrganizationTarget(string id) => $"organization {Named(ParseId(id))}";

    private static Guid? ParseId(string id) => Guid.TryParse(id, out var parsed) ? parsed : null;

    // Never the given text: a malformed id could be anything a careless caller pasted.
    private static string Named(Guid? id) => id?.ToString() ?? "(malformed id)";
}
