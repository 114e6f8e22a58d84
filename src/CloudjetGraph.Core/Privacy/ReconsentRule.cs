using CloudjetGraph.Core.Profiles;

namespace CloudjetGraph.Core.Privacy;

/// <summary>
/// When an owner must accept the current policy version before anything else (POLICY.md §1, the
/// law's right to consent): a pure function of the time and the versions, tested with literal dates.
/// </summary>
internal static class ReconsentRule
{
    /// <summary>
    /// Whether an owner who accepted <paramref name="accepted"/> is behind at <paramref name="now"/>:
    /// they accepted another version than <paramref name="current"/>, and <paramref name="current"/>
    /// has been in force longer than <paramref name="grace"/>.
    /// </summary>
    public static bool IsRequired(DateTimeOffset now, PolicyVersion current, TimeSpan grace, string? accepted)
    {
        ArgumentNullException.ThrowIfNull(current);
        return accepted != current.Version && GraceIsOver(now, current, grace);
    }

    /// <summary>Whether <paramref name="current"/> has been in force longer than <paramref name="grace"/> at <paramref name="now"/>.</summary>
    public static bool GraceIsOver(DateTimeOffset now, PolicyVersion current, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(current);
        return now - current.InForceFrom > grace;
    }
}
