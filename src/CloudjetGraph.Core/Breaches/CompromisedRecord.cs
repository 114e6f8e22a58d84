namespace CloudjetGraph.Core.Breaches;

/// <summary>One person whose data a compromised server could have read at rest.</summary>
/// <param name="Id">The profile id, or for an invitee the invitation id.</param>
/// <param name="Kind"><c>profile</c> or <c>invitation</c>.</param>
/// <param name="StoredSince">When their first record was created (for an invitee who signed up, the invitation).</param>
/// <param name="State">One of <see cref="StoredRecordStates"/>.</param>
/// <param name="RemovedAt">When their data left the stores, for <see cref="StoredRecordStates.Removed"/>.</param>
/// <param name="IssuedBy">For an invitee, the staff subject who issued the invitation (the only way to reach them: the address is not stored).</param>
public sealed record CompromisedRecord(Guid Id, string Kind, DateTimeOffset StoredSince, string State, DateTimeOffset? RemovedAt, string? IssuedBy)
{
    /// <summary>Whether the record was stored at some moment of [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public bool StoredDuring(DateTimeOffset from, DateTimeOffset to) => StoredSince <= to && (RemovedAt is not { } removed || removed >= from);
}
