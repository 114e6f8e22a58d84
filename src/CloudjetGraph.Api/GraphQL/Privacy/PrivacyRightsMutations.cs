using CloudjetGraph.Api.GraphQL.Profiles;
using CloudjetGraph.Api.RateLimiting;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Privacy;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>
/// The rights of POLICY.md §5 and §7 that read or correct a profile on someone's request: the
/// owner's export, a correction by staff, a disclosure to an authority. Each is granted by the access
/// policy (<see cref="OperationAccess"/>, which records its refusals as the operation) and is a Core
/// service that releases fields through the one release path and records itself; these resolvers
/// only read arguments. Mutations, not queries, because each is recorded
/// and none may be sent as a cacheable GET.
/// </summary>
internal static class PrivacyRightsMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<StringGraphType>("exportMyData")
            .Granted(new RecordedRefusal(PrivacyOperationNames.ExportMyData, context => context.Caller().OwnProfileId?.ToString() ?? string.Empty, IncludesAnonymous: true))
            .Description("Owners: every field of your profile you may read, your organization, consent record and times, your restriction of processing, your consent history and every staff read of your profile by role, as one JSON document (a string): {\"exportedAt\", \"profile\": {fields as in Profile}, \"processingRestriction\": {since, reason, placedBy} or null, \"consentHistory\": [{kind, policyVersion, at, and for a restriction's events reason and by}], \"accessLog\": [{at, kind, role, purpose, policyVersion, operation, fields, legalBasis: {law, article} or null, confidentialUntil}]}, leaving out a disclosure to an authority while its confidentiality hold lasts. Staff AUTH_NOT_AUTHORIZED. Recorded as privacy.export-my-data with the field names, never the values.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<PersonalDataExport>()
                .ExportAsync(context.Caller(), context.CancellationToken));

        mutation.Field<ProfileGraphType>("correctProfile")
            .Granted(new RecordedRefusal(PrivacyOperationNames.CorrectProfile, context => RecordedProfileId.Of(context.GetArgument<string>("id")), IncludesAnonymous: true))
            .Description($"Management, and support within its assigned organizations: corrects a profile on the customer's request, with the same rules as updateMyProfile. requestReference is required (1 to {RequestReference.MaxLength} ASCII letters, digits and -_./:#, so no personal value fits; VALIDATION otherwise). A profile out of reach is NOT_FOUND like an unknown one; a concurrent edit is CONFLICT. Nothing changes on any refusal. Recorded as privacy.correct-profile with the field names and the reference, never the values.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The profile's id.")
            .Argument<NonNullGraphType<CorrectProfileInputGraphType>>("input", "The corrections.")
            .Argument<StringGraphType>("requestReference", "The customer's request (a ticket number), recorded with the correction.")
            .ResolveAsync(async context =>
            {
                var changes = ProfileChanges.Of(context.GetArgument<Dictionary<string, object?>>("input"));
                var request = new CorrectionRequest(context.GetArgument<string>("id"), changes, context.GetArgument<string?>("requestReference"));
                return await context.RequestServices!.GetRequiredService<ProfileCorrections>().CorrectAsync(context.Caller(), request, context.CancellationToken);
            });

        mutation.Field<StringGraphType>("exportProfileForAuthority")
            .Granted(new RecordedRefusal(PrivacyOperationNames.ExportForAuthority, context => RecordedProfileId.Of(context.GetArgument<string>("id")), IncludesAnonymous: true))
            .Description("Management only: discloses one profile to a competent state authority (policy §5) as one JSON document (a string): {\"exportedAt\", \"legalBasis\": {\"law\", \"article\", \"requestReference\"}, \"profile\": {fields as in Profile}}. basis is required, each part in its shape (VALIDATION naming the part otherwise). Counts toward the personal-record cap (RateLimits:PersonalRecordsPerMinute) and a daily limit of its own (RateLimits:AuthorityExportsPerDay); past either, RATE_LIMITED and nothing is decrypted. Shown in the person's access log as an AUTHORITY_DISCLOSURE with its law and article (never the request reference), after any confidentiality hold. Recorded as privacy.export-for-authority with the legal basis, the field names and any hold, refusals included.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The profile's id.")
            .Argument<LegalBasisInputGraphType>("basis", "The law, the provision and the authority's request, recorded with the export.")
            .Argument<DateTimeOffsetGraphType>("confidentialUntil", "When the authority asked that the person not be told yet: until then their access log and exportMyData leave this disclosure out; from then on it shows. Must be in the future and at most Authorization:MaxConfidentialityHold ahead (VALIDATION otherwise); recorded with the export. Omit it to show the disclosure at once.")
            .Argument<StringGraphType>("legalBasis", argument =>
            {
                argument.Description = "No longer read: a free-text basis would stay in the record forever.";
                argument.DeprecationReason = "Use basis: { law, article, requestReference }. A call without basis is VALIDATION.";
            })
            .ResolveAsync(async context =>
            {
                var basis = context.GetArgument<Dictionary<string, object?>?>("basis");
                var request = new LegalBasisRequest(basis?.GetValueOrDefault("law") as string, basis?.GetValueOrDefault("article") as string, basis?.GetValueOrDefault("requestReference") as string);
                return await context.RequestServices!.GetRequiredService<AuthorityExport>().ExportAsync(
                    context.Caller(), context.GetArgument<string>("id"), request, context.GetArgument<DateTimeOffset?>("confidentialUntil"), DisclosureLimits.Of(context), context.CancellationToken);
            });
    }
}
