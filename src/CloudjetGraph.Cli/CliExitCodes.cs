namespace CloudjetGraph.Cli;

/// <summary>
/// Exit codes of the <c>keys</c> commands, listed in the README. The jobs to come (issue 6) add
/// 3, work remains after an interruption, and 4, another runner holds the lease; both are
/// reserved now so scripts can rely on them.
/// </summary>
internal static class CliExitCodes
{
    /// <summary>The command did all its work.</summary>
    public const int Done = 0;

    /// <summary>A bad setting, a missing or unreadable ring or database, or another failure; stderr says which.</summary>
    public const int Error = 1;
}
