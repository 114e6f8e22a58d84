using CloudjetGraph.Core.ProfileRecords;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Accounts;

/// <summary>The result of a sign-up.</summary>
internal sealed class SignUpPayloadGraphType : ObjectGraphType<Profile>
{
    public SignUpPayloadGraphType()
    {
        Name = "SignUpPayload";
        Description = "The new account; log in to read it.";
        Field<NonNullGraphType<IdGraphType>>("profileId").Description("The new profile's id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("policyVersion").Description("The policy version the consent was recorded for.").Resolve(c => c.Source.ConsentPolicyVersion);
    }
}
