using CloudjetGraph.Core.Errors;

namespace CloudjetGraph.Core.Privacy;

/// <summary>
/// What a request to restrict or lift does to a profile's restriction, as a pure function of who
/// placed the current one (null: none) and who asks. A restriction that staff placed on a recorded
/// request is the controller's to end, so its owner cannot lift it; staff asking to restrict a profile
/// its owner restricted take the restriction over, so that it holds until a request lifts it.
/// </summary>
internal static class RestrictionRule
{
    /// <summary>Whether a restriction by <paramref name="placer"/> changes the profile: false when one already stands that it may not override.</summary>
    public static bool Restricts(string? placedBy, string placer) =>
        placedBy is null || (placedBy == RestrictionPlacers.Owner && placer == RestrictionPlacers.Staff);

    /// <summary>Whether lifting by <paramref name="placer"/> changes the profile: false when nothing is restricted.</summary>
    /// <exception cref="DomainException"><see cref="ErrorCodes.NotAuthorized"/>: the owner asks to lift a restriction staff placed.</exception>
    public static bool Lifts(string? placedBy, string placer)
    {
        if (placedBy == RestrictionPlacers.Staff && placer == RestrictionPlacers.Owner)
        {
            throw new DomainException(ErrorCodes.NotAuthorized, "This restriction was placed on your recorded request; ask Cloudjet to lift it.");
        }

        return placedBy is not null;
    }
}
