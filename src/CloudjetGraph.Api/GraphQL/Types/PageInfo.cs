namespace CloudjetGraph.Api.GraphQL.Types;

/// <summary>Where a page sits in its list, for any connection.</summary>
/// <param name="HasNextPage">Whether more items follow.</param>
/// <param name="EndCursor">The cursor of the page's last item; null on an empty page.</param>
internal sealed record PageInfo(bool HasNextPage, string? EndCursor);
