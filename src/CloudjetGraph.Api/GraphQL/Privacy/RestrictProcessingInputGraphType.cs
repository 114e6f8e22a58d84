using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>Why an owner restricts the processing of their data.</summary>
internal sealed class RestrictProcessingInputGraphType : InputObjectGraphType
{
    public RestrictProcessingInputGraphType()
    {
        Name = "RestrictProcessingInput";
        Description = "Why you restrict the processing of your data.";
        Field<NonNullGraphType<ProcessingRestrictionReasonGraphType>>("reason").Description("The ground of the restriction.");
    }
}
