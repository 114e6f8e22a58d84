using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>The person's consent to the privacy policy, read from their profile, beside the version now in force.</summary>
internal sealed class ConsentGraphType : ObjectGraphType<Profile>
{
    public ConsentGraphType(IOptions<PolicyOptions> policy)
    {
        Name = "Consent";
        Description = "The person's explicit consent to the privacy policy, and whether it covers the version now in force.";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("acceptedAt").Description("When the policy was last accepted.").Resolve(c => c.Source.ConsentAcceptedAt);
        Field<NonNullGraphType<StringGraphType>>("policyVersion").Description("The policy version accepted last.").Resolve(c => c.Source.ConsentPolicyVersion);
        Field<DateTimeOffsetGraphType>("withdrawnAt").Description("Null for every profile that exists: withdrawing consent (withdrawConsent) erases the account, and the withdrawal is kept in the consent history.").Resolve(c => c.Source.ConsentWithdrawnAt);
        Field<NonNullGraphType<StringGraphType>>("currentVersion").Description("The policy version now in force (privacyPolicy.version).").Resolve(_ => policy.Value.CurrentVersion);
        Field<NonNullGraphType<BooleanGraphType>>("upToDate")
            .Description("Whether the accepted version is the one in force; when false, show the policy and call acceptPolicy with currentVersion.")
            .Resolve(c => c.Source.ConsentPolicyVersion == policy.Value.CurrentVersion);
    }
}
