namespace CloudjetGraph.Core.Data;

/// <summary>
/// One recorded key custodian operation: who, what, when, on which key, and how it ended. Rows are
/// only ever added (every property is init-only and no code path updates or deletes one); the
/// privacy issue's audit trail extends this table with a hash chain rather than replacing it.
/// Nothing here holds a personal value, key material, ciphertext or a secret setting.
/// </summary>
public sealed class CustodianOperation
{
    /// <summary>The order of recording, never reused (SQLite AUTOINCREMENT), so a gap shows a deletion.</summary>
    public long Id { get; init; }

    /// <summary>When the operation ended.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who: the token subject over GraphQL, the operating system user name for the Cli.</summary>
    public required string ActorSubject { get; init; }

    /// <summary>The actor's role name (<c>keyCustodian</c>), or <c>cli</c> for the custodian tool.</summary>
    public required string ActorRole { get; init; }

    /// <summary>What: one of <see cref="Custodians.CustodianOperationNames"/>.</summary>
    public required string Operation { get; init; }

    /// <summary>The keys it concerned: ids and scope, never key material.</summary>
    public required string Target { get; init; }

    /// <summary>One of <see cref="Audit.OperationOutcomes"/>.</summary>
    public required string Outcome { get; init; }

    /// <summary>A short account of the result or the refusal: ids and counts, written by the gateway's own code.</summary>
    public required string Detail { get; init; }
}
