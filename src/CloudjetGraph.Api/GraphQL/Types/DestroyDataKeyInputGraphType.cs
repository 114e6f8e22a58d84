using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Types;

/// <summary>Which data key to destroy.</summary>
internal sealed class DestroyDataKeyInputGraphType : InputObjectGraphType
{
    public DestroyDataKeyInputGraphType()
    {
        Name = "DestroyDataKeyInput";
        Description = "The decrypt-only data key to destroy. IRREVERSIBLE.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The data key's id, as `keys { dataKeys { id } }` shows it.");
        Field<BooleanGraphType>("force").Description("Destroy it even though the census shows data under it: that data becomes unreadable for good. Default false (KEY_IN_USE instead).");
    }
}
