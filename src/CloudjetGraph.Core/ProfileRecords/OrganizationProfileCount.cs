namespace CloudjetGraph.Core.ProfileRecords;

/// <summary>
/// How many profiles an organisation holds, kept by the database itself: triggers on
/// <c>Profiles</c> add and subtract in the statement that inserts or deletes, so every writer
/// (sign-up, seeding, erasure, bulk loads) keeps it exact inside its own transaction. A listing's
/// total sums these rows over the caller's organisations instead of counting profiles.
/// </summary>
internal sealed class OrganizationProfileCount
{
    /// <summary>The organisation; no row yet means no profile was ever added to it.</summary>
    public required Guid OrganizationId { get; init; }

    /// <summary>Its profiles now.</summary>
    public long ProfileCount { get; init; }
}
