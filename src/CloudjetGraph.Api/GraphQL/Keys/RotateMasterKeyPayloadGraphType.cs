using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>The new ring key and, when it is active now, the re-wrap of the data keys under it.</summary>
internal sealed class RotateMasterKeyPayloadGraphType : ObjectGraphType<RotateMasterKeyPayload>
{
    public RotateMasterKeyPayloadGraphType()
    {
        Name = "RotateMasterKeyPayload";
        Description = "The new ring key and, when it is active now, the re-wrap of the data keys under it.";
        Field<NonNullGraphType<IdGraphType>>("masterKeyId").Description("The new ring key.").Resolve(c => c.Source.MasterKeyId);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("activation").Description("When it becomes the default.").Resolve(c => c.Source.Activation);
        Field<RewrapDataKeysPayloadGraphType>("rewrap")
            .Description("The data keys re-wrapped under it; null when it was staged for later (then call rewrapDataKeysUnderMasterKey after its activation).")
            .Resolve(c => c.Source.Rewrap);
    }
}
