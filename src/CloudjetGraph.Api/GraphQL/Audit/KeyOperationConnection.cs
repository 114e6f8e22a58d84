using CloudjetGraph.Api.GraphQL.Paging;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Data;

namespace CloudjetGraph.Api.GraphQL.Audit;

/// <summary>The recorded custodian operations, newest first, served as a connection.</summary>
internal static class KeyOperationConnection
{
    private static readonly ConnectionShape<OperationPage, AuditEntry> Shape = new()
    {
        Name = "KeyOperationConnection",
        Description = "A page of recorded key custodian operations, newest first.",
        NodesDescription = "The operations of this page.",
        TotalCountDescription = "How many operations are recorded in all.",
        Nodes = page => page.Nodes,
        HasNextPage = page => page.HasNextPage,
        HasPreviousPage = page => page.HasPreviousPage,
        TotalCount = page => page.TotalCount,
        Cursor = operation => KeyOperationCursor.Encode(operation.Sequence),
        Edges = new(
            "KeyOperationEdge",
            "A recorded key custodian operation in a page, with the cursor that points at it.",
            "The operations of this page with their cursors.",
            "Opaque cursor of this operation.",
            "The operation."),
    };

    /// <summary>A new instance for one schema.</summary>
    public static ConnectionGraphType<KeyOperationGraphType, OperationPage, AuditEntry> GraphType() => new(Shape);
}
