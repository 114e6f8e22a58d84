namespace CloudjetGraph.Api.GraphQL.Paging;

/// <summary>
/// How one list is served as a connection (<see cref="ConnectionGraphType{TNodeGraphType, TPage, TNode}"/>):
/// the names and descriptions the schema shows, and how to read a page that Core returns.
/// </summary>
/// <typeparam name="TPage">The page as Core returns it.</typeparam>
/// <typeparam name="TNode">One item of the page.</typeparam>
internal sealed record ConnectionShape<TPage, TNode>
{
    /// <summary>The connection's type name, such as <c>ProfileConnection</c>.</summary>
    public required string Name { get; init; }

    public required string Description { get; init; }

    public required string NodesDescription { get; init; }

    public required string TotalCountDescription { get; init; }

    public required Func<TPage, IReadOnlyList<TNode>> Nodes { get; init; }

    public required Func<TPage, bool> HasNextPage { get; init; }

    public required Func<TPage, bool> HasPreviousPage { get; init; }

    public required Func<TPage, int> TotalCount { get; init; }

    /// <summary>The opaque cursor that points at a node, as the list's <c>after</c> and <c>before</c> arguments read it.</summary>
    public required Func<TNode, string> Cursor { get; init; }

    /// <summary>The <c>edges</c> field and its type.</summary>
    public required EdgeShape Edges { get; init; }
}
