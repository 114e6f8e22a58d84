using CloudjetGraph.Api.RateLimiting;
using CloudjetGraph.Core.Accounts;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.Protection;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL.Accounts;

/// <summary>
/// Opening an account by invitation and logging in: the two ways in, open to anyone and so rate
/// limited here before <see cref="ProfileAccounts"/> is called.
/// </summary>
internal static class AccountMutations
{
    public static void AddTo(ObjectGraphType mutation, CloudjetRateLimiter limiter, BlindIndex blindIndex)
    {
        mutation.Field<SignUpPayloadGraphType>("signUp")
            .Description("Opens an account in the invitation's organization and uses the invitation up. Requires explicit consent to the current policy version (CONSENT_REQUIRED otherwise); nothing is written unless every rule holds. At most one account operation (signUp, login, changeMyPassword, deleteMyAccount, withdrawConsent) per request.")
            .Argument<NonNullGraphType<SignUpInputGraphType>>("input", "The new account.")
            .ResolveAsync(async context =>
            {
                var request = context.CallerContext();
                await limiter.DemandAsync(RateLimit.SignUpPerAddress, request.ClientAddress ?? string.Empty, context);
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                var consent = input.GetValueOrDefault("consent") as Dictionary<string, object?>;
                var signUp = new SignUpRequest(
                    (string)input["invitationCode"]!,
                    PersonalFieldCatalogue.AtSignUp.ToDictionary(field => field.Field, field => input.GetValueOrDefault(field.SchemaName) as string),
                    (string)input["password"]!,
                    consent is null ? null : new ConsentRequest(consent["accepted"] is true, consent["policyVersion"] as string));
                return await Accounts(context).SignUpAsync(signUp, context.CancellationToken);
            });

        mutation.Field<LoginPayloadGraphType>("login")
            .Description("Exchanges an owner's email and password for a bearer token. Any failure gives the same AUTH_INVALID_CREDENTIALS error. Rate limited per client address and per account (RATE_LIMITED); at most one account operation (signUp, login, changeMyPassword, deleteMyAccount, withdrawConsent) per request.")
            .Argument<NonNullGraphType<StringGraphType>>("email", "The login email.")
            .Argument<NonNullGraphType<StringGraphType>>("password", "The password.")
            .ResolveAsync(async context =>
            {
                var request = context.CallerContext();
                var email = context.GetArgument<string>("email");
                await limiter.DemandAsync(RateLimit.LoginPerAddress, request.ClientAddress ?? string.Empty, context);

                // Keyed by the blind index, so the limiter never holds an email.
                await limiter.DemandAsync(RateLimit.LoginPerAccount, Convert.ToBase64String(blindIndex.ForEmail(BlindIndexColumn.ProfileLoginEmail, email)), context);
                return await Accounts(context).LoginAsync(email, context.GetArgument<string>("password"), context.CancellationToken);
            });
    }

    private static ProfileAccounts Accounts(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<ProfileAccounts>();
}
