namespace CloudjetGraph.Core.ProfileRecords;

/// <summary>A Cloudjet customer company whose staff hold profiles.</summary>
public sealed class Organization
{
    /// <summary>Stable identifier.</summary>
    public required Guid Id { get; init; }

    /// <summary>The company's display name; not personal data.</summary>
    public required string Name { get; set; }
}
