using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>Which data key to destroy.</summary>
internal sealed class DestroyDataKeyInputGraphType : InputObjectGraphType
{
    public DestroyDataKeyInputGraphType()
    {
        Name = "DestroyDataKeyInput";
        Description = "The data key to destroy, scheduled for destruction and past its waiting period. IRREVERSIBLE.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The data key's id, as `keys { dataKeys { id } }` shows it.");
    }
}
