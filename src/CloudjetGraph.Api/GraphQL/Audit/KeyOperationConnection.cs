using CloudjetGraph.Api.GraphQL.Paging;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Data;

namespace CloudjetGraph.Api.GraphQL.Audit;

/// <summary>The recorded custodian operations, newest first, served as a connection of nodes only.</summary>
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
        TotalCount = page => page.TotalCount,
        Cursor = operation => KeyOperationCursor.Encode(operation.Sequence),
    };

    /// <summary>A new instance for one schema.</summary>
    public static ConnectionGraphType<KeyOperationGraphType, OperationPage, AuditEntry> GraphType() => new(Shape);
}
