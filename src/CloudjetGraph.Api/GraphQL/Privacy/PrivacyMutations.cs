using CloudjetGraph.Api.GraphQL.Accounts;
using CloudjetGraph.Api.RateLimiting;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Privacy;
using CloudjetGraph.Core.Profiles;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>
/// The privacy rights of POLICY.md §1, §4 and §7 that change data: accepting a newer policy and the
/// four erasures. Each is granted by the access policy (<see cref="OperationAccess"/>) and calls one
/// Core service with the caller, which records the operation; here only the arguments are read and
/// the login rate limits applied.
/// </summary>
internal static class PrivacyMutations
{
    public static void AddTo(ObjectGraphType mutation, CloudjetRateLimiter limiter)
    {
        mutation.Field<ConsentGraphType>("acceptPolicy")
            .Granted()
            .Description("Owners: accepts the policy version now in force (privacyPolicy.version; any other is VALIDATION). Accepting it again changes nothing. Recorded.")
            .Argument<NonNullGraphType<StringGraphType>>("version", "The version accepted; must be the current one.")
            .ResolveAsync(async context => await Service<PolicyAcceptance>(context).AcceptAsync(
                context.Caller(), context.GetArgument<string>("version"), context.CancellationToken));

        mutation.Field<ErasurePayloadGraphType>("deleteMyAccount")
            .Granted()
            .Description("Owners: erases your account after you re-enter your password (AUTH_INVALID_CREDENTIALS otherwise, under the login rate limits). Your person key is shredded, so no copy or backup of your data can be read again; the email can sign up again. Every token of the account is then refused (AUTH_INVALID_TOKEN). Recorded without personal data.")
            .Argument<NonNullGraphType<StringGraphType>>("password", "Your password.")
            .ResolveAsync(async context =>
            {
                await OwnerLoginLimits.DemandAsync(context, limiter);
                return await Service<ProfileErasure>(context).DeleteOwnAccountAsync(context.Caller(), context.GetArgument<string>("password"), context.CancellationToken);
            });

        mutation.Field<ErasurePayloadGraphType>("withdrawConsent")
            .Granted()
            .Description("Owners: withdraws your consent to the policy, which erases your account exactly as deleteMyAccount does; the withdrawal stays in your consent history. The password is required when the account has one.")
            .Argument<StringGraphType>("password", "Your password; required when your account has one.")
            .ResolveAsync(async context =>
            {
                await OwnerLoginLimits.DemandAsync(context, limiter);
                return await Service<ProfileErasure>(context).WithdrawConsentAsync(context.Caller(), context.GetArgument<string?>("password"), context.CancellationToken);
            });

        mutation.Field<ErasurePayloadGraphType>("eraseProfile")
            .Granted(new RecordedRefusal(PrivacyOperationNames.EraseProfile, context => ProfileErasure.ProfileTarget(context.GetArgument<string>("id")), IncludesAnonymous: false))
            .Description("Management, and support for its organizations: erases one profile on the customer's request, as deleteMyAccount does. requestReference is required (VALIDATION). NOT_FOUND for a profile that does not exist, is out of reach or was erased already. Recorded, refusals included.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The profile.")
            .Argument<StringGraphType>("requestReference", $"The customer's request, e.g. a ticket id: 1 to {RequestReference.MaxLength} ASCII letters, digits and -_./:#.")
            .ResolveAsync(async context => await Service<ProfileErasure>(context).EraseProfileAsync(
                context.Caller(), context.GetArgument<string>("id"), context.GetArgument<string?>("requestReference"), context.CancellationToken));

        mutation.Field<ErasurePayloadGraphType>("eraseOrganization")
            .Granted(new RecordedRefusal(PrivacyOperationNames.EraseOrganization, context => ProfileErasure.OrganizationTarget(context.GetArgument<string>("id")), IncludesAnonymous: false))
            .Description("Management: erases every profile of a customer organization that cancelled the service, in batches, and its invitations; the organization's name stays. requestReference is required (VALIDATION). Running it again erases what is left. Recorded, refusals included.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The organization.")
            .Argument<StringGraphType>("requestReference", $"The customer's request, e.g. a ticket id: 1 to {RequestReference.MaxLength} ASCII letters, digits and -_./:#.")
            .ResolveAsync(async context => await Service<ProfileErasure>(context).EraseOrganizationAsync(
                context.Caller(), context.GetArgument<string>("id"), context.GetArgument<string?>("requestReference"), context.CancellationToken));
    }

    private static T Service<T>(IResolveFieldContext context)
        where T : notnull => context.RequestServices!.GetRequiredService<T>();
}
