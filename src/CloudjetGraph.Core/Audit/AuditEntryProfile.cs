namespace CloudjetGraph.Core.Audit;

/// <summary>
/// One profile of an <see cref="AuditEntry"/>: which fields were released (or denied) on it. A table
/// of its own, indexed by profile, so "who read profile P" and "which profiles were read between T1
/// and T2" are index lookups. Part of its entry's chain link.
/// </summary>
internal sealed class AuditEntryProfile
{
    /// <summary>The entry's <see cref="AuditEntry.Sequence"/>.</summary>
    public long EntrySequence { get; init; }

    /// <summary>The profile's id; never a personal value.</summary>
    public required Guid ProfileId { get; init; }

    /// <summary>Field names, ordinal order, comma-separated; a masked release is <c>phone:masked</c>.</summary>
    public required string Fields { get; init; }

    /// <summary>
    /// On a release, the policy version the person had accepted when it was made (the consent the
    /// release rests on); null on other kinds and on releases recorded before versions were.
    /// </summary>
    public string? PolicyVersion { get; init; }
}
