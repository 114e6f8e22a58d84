using CloudjetGraph.Core.ProfileRecords;

namespace CloudjetGraph.Core.Privacy;

/// <summary>
/// One step of a person's consent history: a policy version accepted, consent withdrawn, processing
/// restricted or the restriction lifted. Only ids, a version, fixed labels and a time, never a personal value, so the history outlives an erasure as the
/// proof of what was agreed and when it ended (like the audit record of the erasure itself).
/// </summary>
internal sealed class ConsentEvent
{
    /// <summary>The order of recording.</summary>
    public long Id { get; init; }

    /// <summary>The profile whose consent this is; no foreign key, so erasing the profile leaves the history.</summary>
    public required Guid ProfileId { get; init; }

    /// <summary>One of <see cref="ConsentEventKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The policy version accepted, or, for a later event, the version the person's consent stood at.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>For a restriction or its lifting, the restriction's reason (<see cref="RestrictionReasons"/>); null otherwise.</summary>
    public string? RestrictionReason { get; init; }

    /// <summary>For a restriction or its lifting, who did it (<see cref="RestrictionPlacers"/>); null otherwise.</summary>
    public string? By { get; init; }

    /// <summary>The acceptance a profile's consent columns describe now (at sign-up: the first event).</summary>
    public static ConsentEvent AcceptanceOf(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new() { ProfileId = profile.Id, Kind = ConsentEventKinds.Accepted, PolicyVersion = profile.ConsentPolicyVersion, At = profile.ConsentAcceptedAt };
    }
}
