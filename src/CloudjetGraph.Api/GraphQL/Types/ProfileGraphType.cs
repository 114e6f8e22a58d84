using CloudjetGraph.Api.RateLimiting;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Profiles;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL.Types;

/// <summary>
/// A profile as each role may see it. Every field passes the field matrix before it resolves, and
/// a sealed field is decrypted only when it is selected, allowed and within the caller's
/// personal-record cap.
/// </summary>
internal sealed class ProfileGraphType : ObjectGraphType<Profile>
{
    public ProfileGraphType(ProfileFieldGuard guard, ProfileSealer sealer, PersonalRecordCap cap)
    {
        Name = "Profile";
        Description = "One account of a person at a customer organization. Personal fields are null, with an error at their path, for roles the field matrix does not grant, and beyond the caller's per-minute cap of personal records (RATE_LIMITED).";

        Plain<NonNullGraphType<IdGraphType>>(guard, ProfileField.Id, "Stable identifier.", p => p.Id);
        Plain<OrganizationGraphType>(guard, ProfileField.Organization, "The organization the person works for.", p => p.Organization);
        Sealed(guard, sealer, cap, ProfileField.FullName, "Full name.");
        Sealed(guard, sealer, cap, ProfileField.Email, "Contact email.");
        Sealed(guard, sealer, cap, ProfileField.Phone, "Phone number; support sees only its last 3 digits.");
        Sealed(guard, sealer, cap, ProfileField.Skype, "Skype handle.");
        Sealed(guard, sealer, cap, ProfileField.Department, "Department.");
        Sealed(guard, sealer, cap, ProfileField.JobTitle, "Job title.");
        Sealed(guard, sealer, cap, ProfileField.LoginEmail, "The email used to log in.");
        Plain<ConsentGraphType>(guard, ProfileField.Consent, "The person's consent to the privacy policy.", p => p);
        Plain<DateTimeOffsetGraphType>(guard, ProfileField.CreatedAt, "When the account was created.", p => p.CreatedAt);
        Plain<DateTimeOffsetGraphType>(guard, ProfileField.UpdatedAt, "When the profile last changed.", p => p.UpdatedAt);
        Field<ListGraphType<NonNullGraphType<AccessLogEntryGraphType>>>("accessLog")
            .Description($"Staff reads of this profile, newest first (at most {AccessLogReader.MaxEntries}): when, by which role, and which fields; never who. Only the owner reads it, on their own profile.")
            .ResolveAsync(async context =>
            {
                var caller = context.Caller();
                if (caller.OwnProfileId != context.Source.Id)
                {
                    throw caller.Role == Role.Anonymous
                        ? new DomainException(ErrorCodes.NotAuthenticated, "Sign in to read accessLog.")
                        : new DomainException(ErrorCodes.NotAuthorized, "Only the owner of a profile reads its accessLog.");
                }

                return await context.RequestServices!.GetRequiredService<AccessLogReader>().ReadAsync(context.Source.Id, context.CancellationToken);
            });
    }

    private void Plain<TGraphType>(ProfileFieldGuard guard, ProfileField field, string description, Func<Profile, object?> read)
        where TGraphType : IGraphType
    {
        guard.Document(Field<TGraphType>(ProfileFields.NameOf(field)).Description(description), field)
            .Resolve(context =>
            {
                var access = guard.Demand(context, field);
                if (ProfileFields.IsPersonal(field))
                {
                    Record(context, field, access);
                }

                return read(context.Source);
            });
    }

    private void Sealed(ProfileFieldGuard guard, ProfileSealer sealer, PersonalRecordCap cap, ProfileField field, string description)
    {
        guard.Document(Field<StringGraphType>(ProfileFields.NameOf(field)).Description(description), field)
            .Resolve(context =>
            {
                var access = guard.Demand(context, field);
                cap.Demand(context);
                var value = sealer.Open(context.Source, field);
                Record(context, field, access);
                return access == FieldAccess.Masked && value is not null ? PhoneMask.Apply(value) : value;
            });
    }

    // The one place a personal field is released: the request's ledger, committed before the response is written.
    private static void Record(IResolveFieldContext<Profile> context, ProfileField field, FieldAccess access) =>
        context.RequestServices!.GetRequiredService<AuditLedger>().Released(context.Caller(), context.Source.Id, field, access);
}
