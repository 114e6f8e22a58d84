namespace CloudjetGraph.Api.GraphQL.Paging;

/// <summary>The names and descriptions of a connection's <c>edges</c> field and of its edge type.</summary>
/// <param name="Name">The edge's type name, such as <c>ProfileEdge</c>.</param>
/// <param name="Description">The edge type's description.</param>
/// <param name="EdgesDescription">The connection's <c>edges</c> field's description.</param>
/// <param name="CursorDescription">The edge's <c>cursor</c> field's description.</param>
/// <param name="NodeDescription">The edge's <c>node</c> field's description.</param>
internal sealed record EdgeShape(string Name, string Description, string EdgesDescription, string CursorDescription, string NodeDescription);
