namespace CloudjetGraph.Core.ProfileRecords;

/// <summary>
/// That a stored record of a person (a profile, or an invitation bound to an email's blind index)
/// left the database, and the span it was stored for: ids and times only, like the consent history,
/// so that a compromise report can still tell whose data a server held at a past moment.
/// </summary>
internal sealed class StoredRecordRemoval
{
    /// <summary>The order of recording.</summary>
    public long Id { get; init; }

    /// <summary>The profile or invitation id.</summary>
    public required Guid RecordId { get; init; }

    /// <summary>One of <see cref="StoredRecordKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>When the record was created.</summary>
    public required DateTimeOffset StoredSince { get; init; }

    /// <summary>When its personal data (row, or an invitation's blind index) left the database.</summary>
    public required DateTimeOffset RemovedAt { get; init; }
}
