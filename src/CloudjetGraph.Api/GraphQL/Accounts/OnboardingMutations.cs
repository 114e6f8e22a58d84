using CloudjetGraph.Core.Onboarding;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL.Accounts;

/// <summary>Onboarding a customer: its organisation, then the invitations that open its accounts.</summary>
internal static class OnboardingMutations
{
    private const int MaxExpiresInHours = 24 * 366 * 100;

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<OrganizationGraphType>("createOrganization")
            .Granted()
            .Description("Creates a customer organization. Only roles granted createOrganization in Authorization:Operations (management by default).")
            .Argument<NonNullGraphType<CreateOrganizationInputGraphType>>("input", "The organization.")
            .ResolveAsync(async context => await Onboarding(context).CreateOrganizationAsync(
                context.Caller(), (string)context.GetArgument<Dictionary<string, object?>>("input")["name"]!, context.CancellationToken));

        mutation.Field<CreateInvitationPayloadGraphType>("createInvitation")
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
    }

    private static CustomerOnboarding Onboarding(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<CustomerOnboarding>();
}
