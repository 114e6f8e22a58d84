namespace CloudjetGraph.Core.Authorization;

/// <summary>Assigns a sales or support staff member (by token subject) to an organisation.</summary>
internal sealed class StaffAssignment
{
    /// <summary>The staff member's token subject.</summary>
    public required string StaffSubject { get; init; }

    /// <summary>The organisation they may serve.</summary>
    public required Guid OrganizationId { get; init; }
}
