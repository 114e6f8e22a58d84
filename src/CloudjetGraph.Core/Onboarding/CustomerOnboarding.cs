using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Onboarding;

/// <summary>
/// Brings a new customer in: staff whose role is granted createOrganization and createInvitation
/// (<c>Authorization:Operations</c>) create the organisation, then invite its people, who sign up
/// with the code (see <see cref="Accounts.ProfileAccounts.SignUpAsync"/>).
/// </summary>
public sealed class CustomerOnboarding(
    CloudjetDbContext db,
    BlindIndex blindIndex,
    IOptions<OnboardingOptions> options,
    TimeProvider time)
{
    private const int MaxOrganizationNameLength = 200;

    /// <summary>Creates an organisation.</summary>
    /// <exception cref="DomainException">The name is invalid or taken.</exception>
    public async Task<Organization> CreateOrganizationAsync(Caller caller, string name, CancellationToken cancellationToken)
    {
        var normalizedName = ProfileValueRules.NormalizeText("name", name, MaxOrganizationNameLength);

        if (await db.Organizations.AnyAsync(o => o.Name == normalizedName, cancellationToken))
        {
            throw new DomainException(ErrorCodes.Conflict, "An organization with this name already exists.", "name");
        }

        var organization = new Organization { Id = Guid.CreateVersion7(time.GetUtcNow()), Name = normalizedName };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(cancellationToken);
        return organization;
    }

    /// <summary>Issues a single-use code that opens one account in the organisation.</summary>
    /// <param name="caller">The staff member, recorded as the invitation's maker.</param>
    /// <param name="organizationId">The organisation the account will join.</param>
    /// <param name="email">When given, only this address may use the code.</param>
    /// <param name="expiresIn">Lifetime; <see cref="OnboardingOptions.DefaultInvitationLifetime"/> when null.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="DomainException">The organisation is unknown or an input is invalid.</exception>
    public async Task<IssuedInvitation> CreateInvitationAsync(
        Caller caller, Guid organizationId, string? email, TimeSpan? expiresIn, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var lifetime = expiresIn ?? settings.DefaultInvitationLifetime;
        if (lifetime <= TimeSpan.Zero || lifetime > settings.MaxInvitationLifetime)
        {
            throw new DomainException(ErrorCodes.Validation, $"expiresIn must be more than 0 and at most {settings.MaxInvitationLifetime.TotalHours:0} hours.", "expiresIn");
        }

        if (email is not null)
        {
            ProfileValueRules.Check(ProfileField.Email, email);
        }

        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            throw new DomainException(ErrorCodes.NotFound, "The organization does not exist.", "organizationId");
        }

        var now = time.GetUtcNow();
        var code = InvitationCode.New();
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            CodeHash = InvitationCode.Hash(code),
            EmailIndex = email is null ? null : blindIndex.ForEmail(BlindIndexColumn.InvitationEmail, email),
            CreatedBy = caller.Subject!,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedInvitation(code, invitation.ExpiresAt);
    }
}
