using CloudjetGraph.Core.Data;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Types;

/// <summary>The person's consent to the privacy policy, read from their profile.</summary>
internal sealed class ConsentGraphType : ObjectGraphType<Profile>
{
    public ConsentGraphType()
    {
        Name = "Consent";
        Description = "The person's explicit consent to the privacy policy.";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("acceptedAt").Description("When the policy was accepted.").Resolve(c => c.Source.ConsentAcceptedAt);
        Field<NonNullGraphType<StringGraphType>>("policyVersion").Description("The policy version accepted.").Resolve(c => c.Source.ConsentPolicyVersion);
        Field<DateTimeOffsetGraphType>("withdrawnAt").Description("When consent was withdrawn; null while it stands.").Resolve(c => c.Source.ConsentWithdrawnAt);
    }
}
