using CloudjetGraph.Core.Keys;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Types;

/// <summary>The destroyed data key and what it left unreadable: an id and counts.</summary>
internal sealed class DestroyDataKeyPayloadGraphType : ObjectGraphType<DataKeyDestructionResult>
{
    public DestroyDataKeyPayloadGraphType()
    {
        Name = "DestroyDataKeyPayload";
        Description = "The destroyed data key; its row stays as a tombstone in state `destroyed`.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The destroyed key.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("purpose").Description("Its purpose's label.").Resolve(c => c.Source.Purpose);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("leftUnreadable")
            .Description("What the census still showed under it, in counts, all unreadable from now on; empty unless forced.")
            .Resolve(c => c.Source.StillUnder);
    }
}
