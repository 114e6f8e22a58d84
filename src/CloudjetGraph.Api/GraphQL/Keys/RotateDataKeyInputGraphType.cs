using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>Which data key purpose to rotate.</summary>
internal sealed class RotateDataKeyInputGraphType : InputObjectGraphType
{
    public RotateDataKeyInputGraphType()
    {
        Name = "RotateDataKeyInput";
        Description = "The purpose whose data key to rotate.";
        Field<NonNullGraphType<DataKeyPurposeLabelGraphType>>("purpose").Description("The purpose; its active key becomes decrypt-only and a new one active.");
    }
}
