namespace CloudjetGraph.Api.GraphQL.Paging;

/// <summary>Where a page sits in its list, for any connection.</summary>
/// <param name="HasNextPage">Whether more items follow.</param>
/// <param name="EndCursor">The cursor of the page's last item; null on an empty page.</param>
internal sealed record PageInfo(bool HasNextPage, string? EndCursor)
{
    public static PageInfo Of<TNode>(IReadOnlyList<TNode> nodes, bool hasNextPage, Func<TNode, string> cursor) =>
        new(hasNextPage, nodes.Count == 0 ? null : cursor(nodes[^1]));
}
