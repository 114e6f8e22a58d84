using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Accounts;

/// <summary>Explicit consent given at sign-up.</summary>
internal sealed class ConsentInputGraphType : InputObjectGraphType
{
    public ConsentInputGraphType()
    {
        Name = "ConsentInput";
        Description = "The person's explicit answer to the privacy policy. Silence is never consent.";
        Field<NonNullGraphType<BooleanGraphType>>("accepted").Description("Must be true.");
        Field<NonNullGraphType<StringGraphType>>("policyVersion").Description("The policy version shown to the person; must be the current one.");
    }
}
