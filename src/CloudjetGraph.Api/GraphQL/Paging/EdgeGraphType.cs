using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Paging;

/// <summary>A node of a connection with the cursor that points at it.</summary>
internal sealed class EdgeGraphType<TNodeGraphType, TNode> : ObjectGraphType<TNode>
    where TNodeGraphType : IGraphType
{
    public EdgeGraphType(EdgeShape shape, Func<TNode, string> cursor)
    {
        Name = shape.Name;
        Description = shape.Description;
        Field<NonNullGraphType<StringGraphType>>("cursor").Description(shape.CursorDescription).Resolve(c => cursor(c.Source));
        Field<NonNullGraphType<TNodeGraphType>>("node").Description(shape.NodeDescription).Resolve(c => c.Source);
    }
}
