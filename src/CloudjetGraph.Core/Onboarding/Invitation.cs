namespace CloudjetGraph.Core.Onboarding;

/// <summary>
/// A single-use, expiring permission to open one account in an organisation. The code itself is
/// never stored: only its hash, so a database reader cannot use an open invitation.
/// </summary>
internal sealed class Invitation
{
    /// <summary>Stable identifier.</summary>
    public required Guid Id { get; init; }

    /// <summary>The organisation the new account joins; never chosen by the person signing up.</summary>
    public required Guid OrganizationId { get; init; }

    /// <summary>SHA-256 of the code; unique.</summary>
    public required byte[] CodeHash { get; init; }

    /// <summary>Blind index of the only email that may use it, or null for any email.</summary>
    public byte[]? EmailIndex { get; init; }

    /// <summary>Token subject of the staff member who issued it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When it was issued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>After this instant it opens nothing.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it was used, or null while open.</summary>
    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>The profile it opened, once used.</summary>
    public Guid? UsedByProfileId { get; set; }
}
