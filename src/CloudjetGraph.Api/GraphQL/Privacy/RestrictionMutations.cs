using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Privacy;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>
/// The right to restriction of processing: the owner's <c>restrictProcessing</c> and
/// <c>liftRestriction</c>, and staff's <c>restrictProfile</c> and <c>liftProfileRestriction</c> on a
/// recorded request. Each is granted by the access policy, which records its refusals as the
/// operation, and calls <see cref="ProcessingRestrictions"/>, which records the rest; here only the
/// arguments are read.
/// </summary>
internal static class RestrictionMutations
{
    private const string WhileRestricted = "While restricted, staff reads of the person's personal fields are null with PROCESSING_RESTRICTED and nothing of the profile is decrypted for them; the owner still reads and exports, and exportProfileForAuthority still discloses.";

    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<ProcessingRestrictionPayloadGraphType>("restrictProcessing")
            .Granted(OwnerRefusal(PrivacyOperationNames.RestrictProcessing))
            .Description($"Owners: restricts the processing of your data, for a reason. {WhileRestricted} Restricting again changes nothing. Recorded, and kept in your consent history.")
            .Argument<NonNullGraphType<RestrictProcessingInputGraphType>>("input", "Why.")
            .ResolveAsync(async context => await Service(context).RestrictOwnAsync(
                context.Caller(), (string?)context.GetArgument<Dictionary<string, object?>>("input")["reason"], context.CancellationToken));

        mutation.Field<ProcessingRestrictionPayloadGraphType>("liftRestriction")
            .Granted(OwnerRefusal(PrivacyOperationNames.LiftRestriction))
            .Description("Owners: lifts the restriction you placed with restrictProcessing; one placed by staff on your recorded request is AUTH_NOT_AUTHORIZED (ask Cloudjet). Lifting when nothing is restricted changes nothing. Recorded, and kept in your consent history.")
            .ResolveAsync(async context => await Service(context).LiftOwnAsync(context.Caller(), context.CancellationToken));

        mutation.Field<ProcessingRestrictionPayloadGraphType>("restrictProfile")
            .Granted(StaffRefusal(PrivacyOperationNames.RestrictProfile))
            .Description($"Management (within its reach): restricts the processing of one profile on the customer's recorded request. {WhileRestricted} requestReference is required (VALIDATION); a profile out of reach is NOT_FOUND like an unknown one. Restricting again changes nothing; a restriction the owner placed is taken over, so that the owner can no longer lift it. Recorded, refusals included, and kept in the person's consent history.")
            .Argument<NonNullGraphType<RestrictProfileInputGraphType>>("input", "The profile, the request and its ground.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                return await Service(context).RestrictProfileAsync(
                    context.Caller(), (string)input["id"]!, (string?)input.GetValueOrDefault("requestReference"), (string?)input["reason"], context.CancellationToken);
            });

        mutation.Field<ProcessingRestrictionPayloadGraphType>("liftProfileRestriction")
            .Granted(StaffRefusal(PrivacyOperationNames.LiftProfileRestriction))
            .Description("Management (within its reach): lifts a profile's restriction of processing, whoever placed it, on the customer's recorded request. requestReference is required (VALIDATION); a profile out of reach is NOT_FOUND like an unknown one. Lifting when nothing is restricted changes nothing. Recorded, refusals included, and kept in the person's consent history.")
            .Argument<NonNullGraphType<LiftProfileRestrictionInputGraphType>>("input", "The profile and the request.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<Dictionary<string, object?>>("input");
                return await Service(context).LiftProfileAsync(
                    context.Caller(), (string)input["id"]!, (string?)input.GetValueOrDefault("requestReference"), context.CancellationToken);
            });
    }

    private static RecordedRefusal OwnerRefusal(string operation) =>
        new(operation, context => context.Caller().OwnProfileId is { } id ? $"profile {id}" : string.Empty, IncludesAnonymous: false);

    private static RecordedRefusal StaffRefusal(string operation) =>
        new(operation, context => RecordedProfileId.Of((string)context.GetArgument<Dictionary<string, object?>>("input")["id"]!), IncludesAnonymous: false);

    private static ProcessingRestrictions Service(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ProcessingRestrictions>();
}
