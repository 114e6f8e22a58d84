using CloudjetGraph.Core.Keys;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>The destroyed data key: an id and its purpose.</summary>
internal sealed class DestroyDataKeyPayloadGraphType : ObjectGraphType<DataKeyDestructionResult>
{
    public DestroyDataKeyPayloadGraphType()
    {
        Name = "DestroyDataKeyPayload";
        Description = "The destroyed data key; its row stays as a tombstone in state `destroyed`.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The destroyed key.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("purpose").Description("Its purpose's label.")
            .DeprecationReason(LabelFieldDeprecation.UseInstead("keyPurpose"))
            .Resolve(c => c.Source.Purpose);
        Field<NonNullGraphType<DataKeyPurposeGraphType>>("keyPurpose").Description("What it protected.").Resolve(c => c.Source.Purpose);
    }
}
