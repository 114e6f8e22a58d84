namespace CloudjetGraph.Api.GraphQL.Paging;

/// <summary>Where a page sits in its list, for any connection.</summary>
/// <param name="HasNextPage">Whether more items follow.</param>
/// <param name="HasPreviousPage">Whether items precede.</param>
/// <param name="StartCursor">The cursor of the page's first item; null on an empty page.</param>
/// <param name="EndCursor">The cursor of the page's last item; null on an empty page.</param>
internal sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor)
{
    public static PageInfo Of<TNode>(IReadOnlyList<TNode> nodes, bool hasNextPage, bool hasPreviousPage, Func<TNode, string> cursor) =>
        nodes.Count == 0
            ? new(hasNextPage, hasPreviousPage, null, null)
            : new(hasNextPage, hasPreviousPage, cursor(nodes[0]), cursor(nodes[^1]));
}
