using CloudjetGraph.Core.Profiles;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>The policy in force and the controller it names (POLICY.md §8–10), from the <c>Policy</c> settings.</summary>
internal sealed class PrivacyPolicyGraphType : ObjectGraphType<PolicyOptions>
{
    public PrivacyPolicyGraphType()
    {
        Name = "PrivacyPolicy";
        Description = "The privacy policy in force and the data controller, for clients that display them; readable without signing in.";
        Field<NonNullGraphType<StringGraphType>>("version").Description("The current policy version: what signUp and acceptPolicy take.").Resolve(c => c.Source.CurrentVersion);
        Field<NonNullGraphType<DateOnlyGraphType>>("effectiveDate").Description("When this version took effect.").Resolve(c => c.Source.EffectiveDate);
        Field<NonNullGraphType<StringGraphType>>("controllerName").Description("The company that collects and manages the data.").Resolve(c => c.Source.ControllerName);
        Field<NonNullGraphType<StringGraphType>>("businessRegistration").Description("The controller's business registration number.").Resolve(c => c.Source.BusinessRegistration);
        Field<NonNullGraphType<StringGraphType>>("address").Description("The controller's address.").Resolve(c => c.Source.ControllerAddress);
        Field<NonNullGraphType<StringGraphType>>("contactEmail").Description("Where to send questions about personal data.").Resolve(c => c.Source.ContactEmail);
        Field<NonNullGraphType<StringGraphType>>("hotline").Description("The hotline for questions about personal data.").Resolve(c => c.Source.Hotline);
    }
}
