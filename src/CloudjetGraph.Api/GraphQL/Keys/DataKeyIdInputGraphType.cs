using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>One data key, for the steps that need nothing else (disable, enable, cancel a destruction).</summary>
internal sealed class DataKeyIdInputGraphType : InputObjectGraphType
{
    public DataKeyIdInputGraphType()
    {
        Name = "DataKeyIdInput";
        Description = "The data key to change.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The data key's id, as `keys { dataKeys { id } }` shows it.");
    }
}
