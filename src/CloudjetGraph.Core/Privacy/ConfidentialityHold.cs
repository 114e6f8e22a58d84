using CloudjetGraph.Core.Errors;

namespace CloudjetGraph.Core.Privacy;

/// <summary>
/// The rule for a confidentiality hold on a disclosure to an authority: it must end, in the future
/// and no later than <see cref="ConfidentialityHoldOptions.MaxConfidentialityHold"/> ahead, so a
/// hold can delay the person's knowledge of a disclosure but never deny it.
/// </summary>
internal static class ConfidentialityHold
{
    /// <summary>The argument's name, as the client sent it and as a refusal names it.</summary>
    public const string Field = "confidentialUntil";

    /// <summary>
    /// <paramref name="until"/> to the millisecond (what the trail stores and its link encodes), or
    /// null when no hold was asked for.
    /// </summary>
    /// <exception cref="DomainException"><see cref="ErrorCodes.Validation"/>: the hold ends now or before, or later than <paramref name="longest"/> after <paramref name="now"/>.</exception>
    public static DateTimeOffset? Check(DateTimeOffset? until, DateTimeOffset now, TimeSpan longest)
    {
        if (until is not { } asked)
        {
            return null;
        }

        var end = DateTimeOffset.FromUnixTimeMilliseconds(asked.ToUnixTimeMilliseconds());
        if (end <= now)
        {
            throw new DomainException(ErrorCodes.Validation, $"{Field} must be in the future.", Field);
        }

        return end - now <= longest
            ? end
            : throw new DomainException(ErrorCodes.Validation, $"{Field} may be at most {longest.TotalDays:0.##} days ahead (Authorization:MaxConfidentialityHold).", Field);
    }
}
