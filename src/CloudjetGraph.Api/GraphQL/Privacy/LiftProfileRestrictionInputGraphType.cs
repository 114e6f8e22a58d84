using CloudjetGraph.Core.Privacy;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>A profile whose restriction staff lift on the customer's recorded request.</summary>
internal sealed class LiftProfileRestrictionInputGraphType : InputObjectGraphType
{
    public LiftProfileRestrictionInputGraphType()
    {
        Name = "LiftProfileRestrictionInput";
        Description = "The profile and the customer's request.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The profile.");
        Field<StringGraphType>("requestReference").Description($"The customer's request, e.g. a ticket id: 1 to {RequestReference.MaxLength} ASCII letters, digits and -_./:# (VALIDATION otherwise).");
    }
}
