using CloudjetGraph.Api.GraphQL.Accounts;
using CloudjetGraph.Api.GraphQL.Nodes;
using CloudjetGraph.Api.GraphQL.Privacy;
using CloudjetGraph.Api.RateLimiting;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL.Profiles;

/// <summary>
/// A profile as each role may see it. Every field goes through the release path
/// (<see cref="ProfileRelease"/>) as it resolves, so a sealed field is decrypted only when it is
/// selected, allowed and within the caller's personal-record cap; the sealed fields come from
/// <see cref="PersonalFieldCatalogue"/>, and the SDL documents the matrix's grants on each field.
/// The release path is per request, because it records each release in the request's audit ledger.
/// </summary>
internal sealed class ProfileGraphType : ObjectGraphType<Profile>
{
    public ProfileGraphType(FieldMatrix matrix, PersonalRecordCap cap)
    {
        Name = "Profile";
        Description = "One account of a person at a customer organization. Personal fields are null, with an error at their path, for roles the field matrix does not grant, beyond the caller's per-minute cap of personal records (RATE_LIMITED), and for staff while the person's processing is restricted (PROCESSING_RESTRICTED).";
        Interface<NodeGraphType>();

        Plain<NonNullGraphType<IdGraphType>>(matrix, ProfileField.Id, "Stable identifier.", p => p.Id);
        Plain<OrganizationGraphType>(matrix, ProfileField.Organization, "The organization the person works for.", p => p.Organization);
        foreach (var descriptor in PersonalFieldCatalogue.All)
        {
            Document(matrix, Field<StringGraphType>(descriptor.SchemaName).Description(descriptor.Description), descriptor.Field)
                .Resolve(context =>
                {
                    var release = ReleaseOf(context).TryRelease(context.Caller(), context.Source, descriptor.Field, () => cap.Admit(context.CallerContext(), context.Source.Id));
                    return release.Refusal is { } refusal ? FieldRefusals.Report(context, refusal) : release.Value;
                });
        }

        Plain<ConsentGraphType>(matrix, ProfileField.Consent, "The person's consent to the privacy policy.", p => p);
        Plain<DateTimeOffsetGraphType>(matrix, ProfileField.CreatedAt, "When the account was created.", p => p.CreatedAt);
        Plain<DateTimeOffsetGraphType>(matrix, ProfileField.UpdatedAt, "When the profile last changed.", p => p.UpdatedAt);
        Field<ListGraphType<NonNullGraphType<AccessLogEntryGraphType>>>("accessLog")
            .Description($"Staff reads of this profile and its disclosures to authorities, newest first (at most {AccessLogReader.MaxEntries}): when, which kind, by which role, and which fields; never who. A disclosure under a confidentiality hold is left out until the hold ends. Only the owner reads it, on their own profile.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<AccessLogReader>()
                .ReadOwnAsync(context.Caller(), context.Source.Id, context.CancellationToken));
        Field<ProcessingRestrictionGraphType>("processingRestriction")
            .Description("The restriction of processing in force on this profile, null when there is none (restrictProcessing, restrictProfile). Only the owner reads it, on their own profile; staff learn of it from PROCESSING_RESTRICTED on the personal fields.")
            .Resolve(context => AccessPolicy.OwnerOnly(context.Caller(), context.Source.Id).IsDenied
                ? throw AccessPolicy.Refusal(context.Caller(), "Sign in to read processingRestriction.", "Only the owner of a profile reads its processingRestriction.")
                : context.Source.RestrictedAt is null ? null : context.Source);
    }

    private static ProfileRelease ReleaseOf(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<ProfileRelease>();

    private void Plain<TGraphType>(FieldMatrix matrix, ProfileField field, string description, Func<Profile, object?> read)
        where TGraphType : IGraphType
    {
        Document(matrix, Field<TGraphType>(ProfileFields.NameOf(field)).Description(description), field)
            .Resolve(context => ReleaseOf(context).RefusalOf(context.Caller(), context.Source, field) is { } refusal
                ? FieldRefusals.Report(context, refusal)
                : read(context.Source));
    }

    // The @access directive lists the roles the matrix grants on the field.
    private static FieldBuilder<Profile, TReturn> Document<TReturn>(FieldMatrix matrix, FieldBuilder<Profile, TReturn> builder, ProfileField field) =>
        builder.ApplyDirective(AccessDirective.DirectiveName, directive =>
        {
            foreach (var (argument, access) in new[] { ("read", FieldAccess.Read), ("masked", FieldAccess.Masked), ("edit", FieldAccess.Edit) })
            {
                // Edit includes read, so editors are listed among readers too.
                var roles = matrix.Roles
                    .Intersect(matrix.RolesWith(field, access).Concat(access == FieldAccess.Read ? matrix.RolesWith(field, FieldAccess.Edit) : []))
                    .Select(role => role.Name)
                    .ToList();
                if (roles.Count > 0)
                {
                    directive.AddArgument(new(argument) { Value = roles });
                }
            }
        });
}
