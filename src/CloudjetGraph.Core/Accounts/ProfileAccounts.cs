using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Onboarding;
using CloudjetGraph.Core.Privacy;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Accounts;

/// <summary>The owner's side of a profile: sign up by invitation with consent, log in, edit.</summary>
public sealed class ProfileAccounts(
    CloudjetDbContext db,
    ProfileSealer sealer,
    PersonKeyStore personKeys,
    PersonKeyShredder shredder,
    BlindIndex blindIndex,
    ProfileAccessTag accessTag,
    ProfileEditor editor,
    IPasswordHasher<Profile> passwordHasher,
    DecoyPasswordHash decoyHash,
    OwnerSecurityStamps securityStamps,
    TokenIssuer tokenIssuer,
    IOptions<PolicyOptions> policy,
    IOptions<AccessTokenOptions> tokenOptions,
    AccessPolicy access,
    TimeProvider time)
{
    private const string DuplicateEmailMessage = "An account with this email already exists.";
    private const string InvalidInvitationMessage = "The invitation code is not valid for this email, or no longer open.";

    /// <summary>Creates an account in the invitation's organisation and uses up the invitation; nothing is written unless every rule holds.</summary>
    /// <exception cref="DomainException">Consent missing, invalid input, invitation not open, or duplicate email.</exception>
    public async Task<Profile> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var currentVersion = policy.Value.CurrentVersion;
        if (request.Consent is not { Accepted: true } consent || consent.PolicyVersion != currentVersion)
        {
            throw new DomainException(ErrorCodes.ConsentRequired, $"Creating an account requires accepting policy version {currentVersion}.", "consent");
        }

        // Only what sign-up asks for: a value for any other field is not the caller's to set here.
        var values = PersonalFieldCatalogue.AtSignUp.ToDictionary(descriptor => descriptor.Field, descriptor => request.Values.GetValueOrDefault(descriptor.Field));
        values[ProfileField.LoginEmail] = request.Email;
        foreach (var (field, value) in values)
        {
            ProfileValueRules.Check(field, value);
        }

        ProfileValueRules.CheckPassword(request.Password);

        // The invitation is checked before the email, so only a holder of a valid one learns
        // whether an address already has an account. An address indexed under a decrypt-only key
        // (before a reindex reached it) is taken as well; the unique index decides races under
        // the active key, the only one new entries are written under.
        var now = time.GetUtcNow();
        var invitation = await FindOpenInvitationAsync(request.InvitationCode, request.Email, now, cancellationToken);
        var loginEntries = blindIndex.CandidatesForEmail(BlindIndexColumn.ProfileLoginEmail, request.Email);
        if (await db.Profiles.AnyAsync(p => loginEntries.Contains(p.LoginEmailIndex), cancellationToken))
        {
            throw new DomainException(ErrorCodes.Conflict, DuplicateEmailMessage, "email");
        }

        var profile = new Profile
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = invitation.OrganizationId,
            ConsentAcceptedAt = now,
            ConsentPolicyVersion = currentVersion,
            CreatedAt = now,
            UpdatedAt = now,
        };
        // The key store is another database: its key is written first, so no profile ever exists
        // without a key, and shredded again if the profile is not created after all.
        var personKey = (await personKeys.CreateAsync([profile.Id], cancellationToken))[0];
        var created = false;
        try
        {
            foreach (var (field, value) in values)
            {
                sealer.Seal(profile, personKey, field, ProfileValueRules.Normalize(field, value));
            }

            sealer.SealPasswordHash(profile, personKey, passwordHasher.HashPassword(profile, request.Password));
            accessTag.Stamp(profile);
            await CreateAsync(profile, invitation, now, cancellationToken);
            created = true;
        }
        finally
        {
            if (!created)
            {
                await shredder.ShredAsync(profile.Id, CancellationToken.None);
            }
        }

        return profile;
    }

    /// <summary>Checks credentials and issues an owner token.</summary>
    /// <exception cref="DomainException">The same <see cref="ErrorCodes.InvalidCredentials"/> for any failure.</exception>
    public async Task<IssuedToken> LoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        var profile = await FindByLoginEmailAsync(email, cancellationToken);
        var hash = profile is null ? null : await OpenPasswordHashAsync(profile, cancellationToken);
        var verification = passwordHasher.VerifyHashedPassword(profile!, hash ?? decoyHash.Value, password);

        // A hash moved here from another row fails the row's tag (and to open): refused exactly like a
        // wrong password. So is a shredded person, whose hash no longer opens.
        if (profile is null || !accessTag.Check(profile) || hash is null || verification == PasswordVerificationResult.Failed)
        {
            throw new DomainException(ErrorCodes.InvalidCredentials, "The email or password is incorrect.");
        }

        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await RehashAsync(profile.Id, password, cancellationToken);
        }

        return tokenIssuer.IssueOwner(profile.Id, profile.SecurityStamp, tokenOptions.Value.OwnerTokenLifetime);
    }

    /// <summary>
    /// Replaces the owner's password after checking the current one, and returns a new token: every
    /// token issued before, this request's included, stops working (a new security stamp).
    /// </summary>
    /// <exception cref="DomainException">Not an owner; <see cref="ErrorCodes.Validation"/> for a new password that breaks the rules;
    /// <see cref="ErrorCodes.InvalidCredentials"/> for a wrong current password; or as <see cref="ProfileEditor.ReplacePasswordHashAsync"/>.</exception>
    public async Task<IssuedToken> ChangePasswordAsync(Caller caller, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(currentPassword);
        var ownId = caller.OwnProfileId ?? throw AccessPolicy.Refusal(caller, "Sign in to change your password.", "Only an account's owner may change its password.");
        ProfileValueRules.CheckPassword(newPassword);
        var profile = await TrackedAsync(ownId, withOrganization: false, cancellationToken);
        var hash = await OpenPasswordHashAsync(profile, cancellationToken);
        if (hash is null || passwordHasher.VerifyHashedPassword(profile, hash, currentPassword) == PasswordVerificationResult.Failed)
        {
            throw new DomainException(ErrorCodes.InvalidCredentials, "The current password is incorrect.", "currentPassword");
        }

        await editor.ReplacePasswordHashAsync(profile, passwordHasher.HashPassword(profile, newPassword), newPassword: true, cancellationToken);
        securityStamps.Forget(profile.Id);
        return tokenIssuer.IssueOwner(profile.Id, profile.SecurityStamp, tokenOptions.Value.OwnerTokenLifetime);
    }

    /// <summary>
    /// Applies the caller's changes to their own profile, each field only as far as the
    /// <see cref="AccessPolicy"/> grants its edit. Absent fields stay as they are.
    /// </summary>
    /// <exception cref="DomainException">Not an owner, a field the role may not edit, or as <see cref="UpdateAsync"/>.</exception>
    public Task<Profile> UpdateOwnAsync(Caller caller, IReadOnlyDictionary<ProfileField, string?> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(changes);
        var ownId = caller.OwnProfileId ?? throw AccessPolicy.Refusal(caller, "Sign in to update your profile.", "Only a profile's owner may update it here.");
        if (changes.Keys.Where(field => !access.MayEdit(caller, field)).Select(ProfileFields.NameOf).FirstOrDefault() is { } denied)
        {
            throw new DomainException(ErrorCodes.NotAuthorized, $"Your role may not edit {denied}.", denied);
        }

        return UpdateAsync(ownId, changes, cancellationToken);
    }

    /// <summary>Applies an owner's changes to their own profile. Absent fields stay as they are.</summary>
    /// <exception cref="DomainException">Invalid input, missing profile or a concurrent edit.</exception>
    public async Task<Profile> UpdateAsync(Guid profileId, IReadOnlyDictionary<ProfileField, string?> changes, CancellationToken cancellationToken)
    {
        ProfileEditor.Check(changes);
        var profile = await TrackedAsync(profileId, withOrganization: true, cancellationToken);
        await editor.ApplyAsync(profile, changes, cancellationToken);
        return profile;
    }

    // A hash stored at a lower cost than the configured one, re-hashed now that the password is
    // known; the token keeps working (same stamp). Lost to a concurrent edit, it waits for the next login.
    private async Task RehashAsync(Guid profileId, string password, CancellationToken cancellationToken)
    {
        try
        {
            var profile = await TrackedAsync(profileId, withOrganization: false, cancellationToken);
            await editor.ReplacePasswordHashAsync(profile, passwordHasher.HashPassword(profile, password), newPassword: false, cancellationToken);
        }
        catch (DomainException exception) when (exception.Code == ErrorCodes.Conflict)
        {
        }
    }

    // Re-stamping a row that failed its tag would bless whatever was written into it behind the gateway's back.
    private async Task<Profile> TrackedAsync(Guid profileId, bool withOrganization, CancellationToken cancellationToken)
    {
        IQueryable<Profile> profiles = withOrganization ? db.Profiles.Include(p => p.Organization) : db.Profiles;
        var profile = await profiles.SingleOrDefaultAsync(p => p.Id == profileId, cancellationToken)
            ?? throw new DomainException(ErrorCodes.NotFound, "The profile does not exist.");
        return accessTag.Check(profile)
            ? profile
            : throw new DomainException(ErrorCodes.DataIntegrity, "Your profile failed its integrity check and cannot be changed; contact support.");
    }

    // Entries under every loaded index key match, so at most one row per key (the unique index);
    // only the row whose own sealed login email is the address answers to it, so an entry copied
    // onto another row, or the same address under an older key, never logs into the wrong account.
    private async Task<Profile?> FindByLoginEmailAsync(string email, CancellationToken cancellationToken)
    {
        var entries = blindIndex.CandidatesForEmail(BlindIndexColumn.ProfileLoginEmail, email);
        var matches = await db.Profiles.AsNoTracking().Where(p => entries.Contains(p.LoginEmailIndex)).ToListAsync(cancellationToken);
        await personKeys.LoadAsync(matches.Select(p => p.Id), cancellationToken);
        var normalized = BlindIndex.NormalizeEmail(email);
        return matches.FirstOrDefault(profile => OpensTo(profile, normalized));
    }

    private bool OpensTo(Profile profile, string normalizedEmail)
    {
        try
        {
            return sealer.Open(profile, ProfileField.LoginEmail) is { } loginEmail && BlindIndex.NormalizeEmail(loginEmail) == normalizedEmail;
        }
        catch (FieldIntegrityException)
        {
            return false;
        }
    }

    // Null when the account has no hash, or it fails to open: the caller then verifies the decoy.
    private async Task<string?> OpenPasswordHashAsync(Profile profile, CancellationToken cancellationToken)
    {
        try
        {
            return await sealer.OpenPasswordHashAsync(profile, cancellationToken);
        }
        catch (FieldIntegrityException)
        {
            return null;
        }
    }

    // Using the invitation, creating the profile and its first consent event commit together or not at all.
    private async Task CreateAsync(Profile profile, Invitation invitation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ClaimInvitationAsync(invitation, profile.Id, now, cancellationToken);
        db.Profiles.Add(profile);

        // The sign-up's consent is the first event of the person's consent history.
        db.ConsentEvents.Add(ConsentEvent.AcceptanceOf(profile));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // Lost a race with a concurrent sign-up of the same email: the unique index decided.
            throw new DomainException(ErrorCodes.Conflict, DuplicateEmailMessage, "email", exception);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    // Unknown, used, expired and bound to another email all give the same answer.
    private async Task<Invitation> FindOpenInvitationAsync(string code, string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var codeHash = code.Length is > 0 and <= InvitationCode.MaxLength ? InvitationCode.Hash(code) : null;
        var invitation = codeHash is null
            ? null
            : await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.CodeHash == codeHash, cancellationToken);
        if (invitation is null || invitation.UsedAt is not null || invitation.ExpiresAt <= now
            || (invitation.EmailIndex is { } bound && !blindIndex.Matches(BlindIndexColumn.InvitationEmail, bound, email)))
        {
            throw new DomainException(ErrorCodes.InvitationInvalid, InvalidInvitationMessage, "invitationCode");
        }

        return invitation;
    }

    // A conditional update, so that of two concurrent uses of one code exactly one wins.
    private async Task ClaimInvitationAsync(Invitation invitation, Guid profileId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.UsedAt, now).SetProperty(i => i.UsedByProfileId, profileId), cancellationToken);
        if (claimed == 0)
        {
            throw new DomainException(ErrorCodes.InvitationInvalid, InvalidInvitationMessage, "invitationCode");
        }
    }
}
