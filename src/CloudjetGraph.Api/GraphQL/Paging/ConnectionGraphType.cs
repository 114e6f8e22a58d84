using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Paging;

/// <summary>
/// A Relay connection over one list, shaped by a <see cref="ConnectionShape{TPage, TNode}"/>: the
/// edges, the nodes, the page information and the total count. One instance per schema, made where
/// the list's root field is declared, since each carries its own type name.
/// </summary>
internal sealed class ConnectionGraphType<TNodeGraphType, TPage, TNode> : ObjectGraphType<TPage>
    where TNodeGraphType : IGraphType
{
    public ConnectionGraphType(ConnectionShape<TPage, TNode> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Name = shape.Name;
        Description = shape.Description;
        var edge = new EdgeGraphType<TNodeGraphType, TNode>(shape.Edges, shape.Cursor);
        Field("edges", new NonNullGraphType(new ListGraphType(new NonNullGraphType(edge))))
            .Description(shape.Edges.EdgesDescription).Resolve(c => shape.Nodes(c.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeGraphType>>>>("nodes").Description(shape.NodesDescription).Resolve(c => shape.Nodes(c.Source));
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Paging information.")
            .Resolve(c => PageInfo.Of(shape.Nodes(c.Source), shape.HasNextPage(c.Source), shape.HasPreviousPage(c.Source), shape.Cursor));
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description(shape.TotalCountDescription).Resolve(c => shape.TotalCount(c.Source));
    }
}
