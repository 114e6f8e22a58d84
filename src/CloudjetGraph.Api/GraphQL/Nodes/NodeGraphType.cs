using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Nodes;

/// <summary>The Relay <c>Node</c> interface: anything <c>node(id:)</c> can fetch again by its id.</summary>
internal sealed class NodeGraphType : InterfaceGraphType
{
    public NodeGraphType()
    {
        Name = "Node";
        Description = "An object with an id that node(id:) fetches again: a Profile or an Organization.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable identifier, unique across every Node type.");
    }
}
