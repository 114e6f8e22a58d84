namespace CloudjetGraph.Api.GraphQL.Paging;

/// <summary>The page a connection's arguments ask for, its cursor still opaque.</summary>
/// <param name="Size">How many items: <c>first</c> or <c>last</c>.</param>
/// <param name="Cursor">The <c>after</c> or <c>before</c> cursor; null for the list's start or end.</param>
/// <param name="Backward">True for <c>last</c>/<c>before</c>: the items just before the cursor.</param>
internal sealed record PageRequest(int Size, string? Cursor, bool Backward)
{
    /// <summary>The argument the cursor came in, for an error that names it.</summary>
    public string CursorArgument => Backward ? "before" : "after";
}
