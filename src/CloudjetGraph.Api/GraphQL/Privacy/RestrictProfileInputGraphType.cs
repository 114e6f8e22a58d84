using CloudjetGraph.Core.Privacy;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>A profile whose processing staff restrict on the customer's recorded request, and why.</summary>
internal sealed class RestrictProfileInputGraphType : InputObjectGraphType
{
    public RestrictProfileInputGraphType()
    {
        Name = "RestrictProfileInput";
        Description = "The profile, the customer's request and its ground.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The profile.");
        Field<StringGraphType>("requestReference").Description($"The customer's request, e.g. a ticket id: 1 to {RequestReference.MaxLength} ASCII letters, digits and -_./:# (VALIDATION otherwise).");
        Field<NonNullGraphType<ProcessingRestrictionReasonGraphType>>("reason").Description("The ground the customer gave.");
    }
}
