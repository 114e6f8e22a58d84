using CloudjetGraph.Core.Audit;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>One staff read of the owner's profile, or a disclosure of it to an authority, by role; never who.</summary>
internal sealed class AccessLogEntryGraphType : ObjectGraphType<AccessLogEntry>
{
    public AccessLogEntryGraphType()
    {
        Name = "AccessLogEntry";
        Description = "One read of your profile by staff, or a disclosure of it to a competent authority: when, which kind, by which role, for which purpose, in which operation, and the fields they were given. Never names the staff member. A disclosure the authority asked to keep confidential shows once its hold has ended, and not before.";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Description("When the fields were released.").Resolve(c => c.Source.At);
        Field<NonNullGraphType<AccessLogEntryKindGraphType>>("kind").Description("A read by staff, or a disclosure to an authority.").Resolve(c => c.Source.Kind);
        Field<DisclosedLegalBasisGraphType>("legalBasis")
            .Description("For a disclosure to an authority, the law and provision it rested on; null for a read.")
            .Resolve(c => c.Source.Disclosure);
        Field<DateTimeOffsetGraphType>("confidentialUntil")
            .Description("For a disclosure the authority asked to keep confidential, when that hold ended (it is shown only after); null otherwise.")
            .Resolve(c => c.Source.Disclosure?.ConfidentialUntil);
        Field<NonNullGraphType<StringGraphType>>("role").Description("The reader's role: management, sales or support.").Resolve(c => c.Source.Role);
        Field<ProcessingPurposeGraphType>("purpose")
            .Description("The purpose the read served: the one the reader's role serves, or LEGAL_OBLIGATION for a disclosure to an authority. Null only for reads recorded before purposes were.")
            .Resolve(c => c.Source.Purpose);
        Field<StringGraphType>("policyVersion")
            .Description("The privacy policy version you had accepted when the read was made. Null only for reads recorded before versions were.")
            .Resolve(c => c.Source.PolicyVersion);
        Field<NonNullGraphType<StringGraphType>>("operation").Description("The GraphQL operation name the reader sent; empty when the document named none.").Resolve(c => c.Source.Operation);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("fields")
            .Description($"The fields released; a masked hint is listed with `{AuditLedger.MaskedSuffix}` (support sees only the last digits of the phone).")
            .Resolve(c => c.Source.Fields);
    }
}
