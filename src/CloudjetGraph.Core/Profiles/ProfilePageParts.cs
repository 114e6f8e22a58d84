namespace CloudjetGraph.Core.Profiles;

/// <summary>What <see cref="ProfileDirectory.PageAsync"/> loads besides the page's rows.</summary>
[Flags]
public enum ProfilePageParts
{
    /// <summary>The rows alone.</summary>
    None = 0,

    /// <summary>The count of every match across all pages (a second query).</summary>
    TotalCount = 1,

    /// <summary>Each profile's <see cref="ProfileRecords.Profile.Organization"/> (a join).</summary>
    Organizations = 2,

    /// <summary>
    /// Whether profiles lie past the cursor, on the side the page turns away from: older ones
    /// before an <c>after</c>, newer ones after a <c>before</c> (a one-row query).
    /// </summary>
    BeyondCursor = 4,

    /// <summary>Everything.</summary>
    All = TotalCount | Organizations | BeyondCursor,
}
