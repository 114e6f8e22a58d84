using CloudjetGraph.Api.GraphQL.Types;
using CloudjetGraph.Api.RateLimiting;
using CloudjetGraph.Core.Accounts;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.Onboarding;
using CloudjetGraph.Core.Protection;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>The write side of the schema.</summary>
internal sealed class MutationGraphType : ObjectGraphType
{
    private const int MaxExpiresInHours = 24 * 366 * 100;

    public MutationGraphType(CloudjetRateLimiter limiter, BlindIndex blindIndex)
    {
        Name = "Mutation";
        Description = "Onboard customers, sign up by invitation, log in, edit and export your own profile; accept the policy, withdraw consent or erase an account; for staff, correct a profile on request and export one for an authority; for key custodians, rotate and revoke keys.";

        Field<NonNullGraphType<SignUpPayloadGraphType>>("signUp")
            .Description("Opens an account in the invitation's organization and uses the invitation up. Requires explicit consent to the current policy version (CONSENT_REQUIRED otherwise); nothing is written unless every rule holds. At most one account operation (signUp, login, deleteMyAccount, withdrawConsent) per request.")
            .Argument<NonNullGraphType<SignUpInputGraphType>>("input", "The new account.")
            .ResolveAsync(async context =>
            {
                var request = context.CallerContext();
                limiter.Demand(RateLimit.SignUpPerAddress, request.ClientAddress ?? string.Empty, request);
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var consent = input.GetValueOrDefault("consent") as Dictionary<string, object?>;
                var signUp = new SignUpRequest(
                    (string)input["invitationCode"]!,
                    (string)input["fullName"]!,
                    (string)input["email"]!,
                    (string)input["password"]!,
                    input.GetValueOrDefault("phone") as string,
                    input.GetValueOrDefault("skype") as string,
                    input.GetValueOrDefault("department") as string,
                    input.GetValueOrDefault("jobTitle") as string,
                    consent is null ? null : new ConsentRequest(consent["accepted"] is true, consent["policyVersion"] as string));
                return await Accounts(context).SignUpAsync(signUp, context.CancellationToken);
            });

        Field<NonNullGraphType<LoginPayloadGraphType>>("login")
            .Description("Exchanges an owner's email and password for a bearer token. Any failure gives the same AUTH_INVALID_CREDENTIALS error. Rate limited per client address and per account (RATE_LIMITED); at most one account operation (signUp, login, deleteMyAccount, withdrawConsent) per request.")
            .Argument<NonNullGraphType<StringGraphType>>("email", "The login email.")
            .Argument<NonNullGraphType<StringGraphType>>("password", "The password.")
            .ResolveAsync(async context =>
            {
                var request = context.CallerContext();
                var email = context.GetArgument<string>("email");
                limiter.Demand(RateLimit.LoginPerAddress, request.ClientAddress ?? string.Empty, request);

                // Keyed by the blind index, so the limiter's memory never holds an email.
                limiter.Demand(RateLimit.LoginPerAccount, Convert.ToBase64String(blindIndex.ForEmail(email)), request);
                return await Accounts(context).LoginAsync(email, context.GetArgument<string>("password"), context.CancellationToken);
            });

        Field<NonNullGraphType<OrganizationGraphType>>("createOrganization")
            .Granted()
            .Description("Creates a customer organization. Only roles granted createOrganization in Authorization:Operations (management by default).")
            .Argument<NonNullGraphType<CreateOrganizationInputGraphType>>("input", "The organization.")
            .ResolveAsync(async context => await Onboarding(context).CreateOrganizationAsync(
                context.Caller(), (string)context.GetArgument<Dictionary<string, object?>>("input")["name"]!, context.CancellationToken));

        Field<NonNullGraphType<CreateInvitationPayloadGraphType>>("createInvitation")
            .Granted()
            .Description("Issues a single-use, expiring code that opens one account in the organization. Only roles granted createInvitation in Authorization:Operations (management by default).")
            .Argument<NonNullGraphType<CreateInvitationInputGraphType>>("input", "The invitation.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");

                // An organisation id that is not a GUID is as unknown as one that does not exist.
                var organizationId = Guid.TryParse(input["organizationId"] as string, out var parsed) ? parsed : Guid.Empty;

                // Capped below TimeSpan's range; anything above the configured maximum is refused anyway.
                var expiresIn = input.GetValueOrDefault("expiresIn") is int hours ? TimeSpan.FromHours(Math.Min(hours, MaxExpiresInHours)) : (TimeSpan?)null;
                return await Onboarding(context).CreateInvitationAsync(
                    context.Caller(), organizationId, input.GetValueOrDefault("email") as string, expiresIn, context.CancellationToken);
            });

        Field<ProfileGraphType>("updateMyProfile")
            .Granted()
            .Description("Changes your own profile; only fields your role may edit.")
            .Argument<NonNullGraphType<UpdateMyProfileInputGraphType>>("input", "The changes.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var changes = PersonalFieldCatalogue.Editable
                    .Where(d => input.ContainsKey(d.SchemaName))
                    .ToDictionary(d => d.Field, d => input[d.SchemaName] as string);
                return await Accounts(context).UpdateOwnAsync(context.Caller(), changes, context.CancellationToken);
            });

        PrivacyRightsMutations.AddTo(this);
        PrivacyMutations.AddTo(this, limiter);
        KeyCustodianMutations.AddTo(this);
        DataKeyStateMutations.AddTo(this);
    }

    private static ProfileAccounts Accounts(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<ProfileAccounts>();

    private static CustomerOnboarding Onboarding(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<CustomerOnboarding>();
}
