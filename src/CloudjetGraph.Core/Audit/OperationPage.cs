namespace CloudjetGraph.Core.Audit;

/// <summary>A page of recorded key custodian operations, newest first.</summary>
/// <param name="Nodes">The operations of this page.</param>
/// <param name="HasNextPage">Whether older operations follow.</param>
/// <param name="HasPreviousPage">Whether newer operations precede.</param>
/// <param name="TotalCount">How many operations are recorded in all.</param>
public sealed record OperationPage(IReadOnlyList<AuditEntry> Nodes, bool HasNextPage, bool HasPreviousPage, int TotalCount);
