using CloudjetGraph.Core.Profiles;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>A version of the policy (the one in force unless another is asked for) and the controller it names (POLICY.md §8–10), from the <c>Policy</c> settings.</summary>
internal sealed class PrivacyPolicyGraphType : ObjectGraphType<PrivacyPolicyView>
{
    public PrivacyPolicyGraphType()
    {
        Name = "PrivacyPolicy";
        Description = "A version of the privacy policy (the one in force unless another was asked for) and the data controller, for clients that display them; readable without signing in.";
        Field<NonNullGraphType<StringGraphType>>("version").Description("The policy version; for the current one, what signUp and acceptPolicy take.").Resolve(c => c.Source.Version.Version);
        Field<NonNullGraphType<DateOnlyGraphType>>("effectiveDate").Description("When this version took effect.").Resolve(c => c.Source.Version.EffectiveDate);
        Field<NonNullGraphType<BooleanGraphType>>("current").Description("Whether this is the version in force.").Resolve(c => c.Source.IsCurrent);
        Field<StringGraphType>("text").Description("The text of this version as published; null when the gateway keeps only its hash (sha256).").Resolve(c => c.Source.Version.Text);
        Field<NonNullGraphType<StringGraphType>>("sha256").Description("SHA-256 of the text's UTF-8 bytes, 64 lowercase hex digits: what a client shows the owner is this version.").Resolve(c => c.Source.Version.Sha256);
        Field<NonNullGraphType<StringGraphType>>("controllerName").Description("The company that collects and manages the data.").Resolve(c => c.Source.Controller.ControllerName);
        Field<NonNullGraphType<StringGraphType>>("businessRegistration").Description("The controller's business registration number.").Resolve(c => c.Source.Controller.BusinessRegistration);
        Field<NonNullGraphType<StringGraphType>>("address").Description("The controller's address.").Resolve(c => c.Source.Controller.ControllerAddress);
        Field<NonNullGraphType<StringGraphType>>("contactEmail").Description("Where to send questions about personal data.").Resolve(c => c.Source.Controller.ContactEmail);
        Field<NonNullGraphType<StringGraphType>>("hotline").Description("The hotline for questions about personal data.").Resolve(c => c.Source.Controller.Hotline);
    }
}
