namespace CloudjetGraph.Core.Audit;

/// <summary>What an audit entry records: fixed labels, part of every entry's chain link, pinned by a test.</summary>
internal static class AuditEntryKinds
{
    /// <summary>A key custodian or privacy operation run through <see cref="OperationLog.RunAsync"/>.</summary>
    public const string Operation = "operation";

    /// <summary>Personal fields of one or more profiles released to staff in one request.</summary>
    public const string Release = "release";

    /// <summary>A caller refused a personal field or an operation.</summary>
    public const string Denial = "denial";

    /// <summary>Entries pruned by retention (<see cref="AuditPruner"/>): their sequence numbers, the digest of their links, and the cut-off.</summary>
    public const string Checkpoint = "checkpoint";
}
