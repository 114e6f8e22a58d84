using CloudjetGraph.Core.Keys;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>What a re-wrap of the data keys under the ring's default key did: an id and counts.</summary>
internal sealed class RewrapDataKeysPayloadGraphType : ObjectGraphType<MasterKeyRewrapResult>
{
    public RewrapDataKeysPayloadGraphType()
    {
        Name = "RewrapDataKeysPayload";
        Description = "The data keys re-wrapped under the ring's default key; the material of each stays the same, so no profile or person key changes.";
        Field<NonNullGraphType<IdGraphType>>("masterKeyId").Description("The ring key every data key is now under.").Resolve(c => c.Source.DefaultKeyId);
        Field<NonNullGraphType<IntGraphType>>("rewrapped").Description("Data keys moved under it by this call.").Resolve(c => c.Source.Rewrapped);
        Field<NonNullGraphType<IntGraphType>>("alreadyUnder").Description("Data keys that were under it already.").Resolve(c => c.Source.AlreadyUnder);
        Field<NonNullGraphType<IntGraphType>>("changedConcurrently")
            .Description("Data keys whose row changed while this call worked, left as the other writer made them; call again.")
            .Resolve(c => c.Source.ChangedConcurrently);
    }
}
