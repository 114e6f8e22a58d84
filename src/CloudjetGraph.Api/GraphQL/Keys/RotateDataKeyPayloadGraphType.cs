using CloudjetGraph.Core.Keys;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>What a data key rotation did: ids only.</summary>
internal sealed class RotateDataKeyPayloadGraphType : ObjectGraphType<DataKeyRotationResult>
{
    public RotateDataKeyPayloadGraphType()
    {
        Name = "RotateDataKeyPayload";
        Description = "The new active data key and the one it replaced, now decrypt-only. Nothing under the old key was rewritten.";
        Field<NonNullGraphType<StringGraphType>>("purpose").Description("The purpose's label, as `keys list` shows it.")
            .DeprecationReason(LabelFieldDeprecation.UseInstead("keyPurpose"))
            .Resolve(c => c.Source.Purpose);
        Field<NonNullGraphType<DataKeyPurposeGraphType>>("keyPurpose").Description("The purpose rotated.").Resolve(c => c.Source.Purpose);
        Field<NonNullGraphType<IdGraphType>>("newKeyId").Description("The key now active for the purpose.").Resolve(c => c.Source.NewKeyId);
        Field<NonNullGraphType<IdGraphType>>("previousKeyId").Description("The key that was active, now decrypt-only.").Resolve(c => c.Source.PreviousKeyId);
        Field<IdGraphType>("masterKeyId").Description("The ring key the new key is wrapped under.").Resolve(c => c.Source.MasterKeyId);
    }
}
