namespace CloudjetGraph.Cli;

/// <summary>Exit codes of the <c>keys</c> and <c>audit</c> commands, listed in docs/key-runbook.md.</summary>
internal static class CliExitCodes
{
    /// <summary>The command did all its work.</summary>
    public const int Done = 0;

    /// <summary>A bad setting, a missing or unreadable ring or database, or another failure; stderr says which.</summary>
    public const int Error = 1;

    /// <summary>A key job was interrupted (Ctrl+C) after its batch in flight; running the same command again resumes it.</summary>
    public const int WorkRemains = 3;

    /// <summary>Another runner holds the key job lease; stderr names it and when the lease expires.</summary>
    public const int LeaseHeld = 4;

    /// <summary><c>audit verify</c> found the chain broken; stderr names the first bad entry.</summary>
    public const int AuditBroken = 5;

    /// <summary>
    /// <c>ConnectionStrings:CloudjetKeys</c> names a key store that is missing, empty beside
    /// profiles, or another database's; nothing was read, written or created.
    /// </summary>
    public const int StoreMismatch = 6;

    /// <summary>A data key's state or a destruction guard refused the step (see <see cref="KeyStateCli"/>); stderr gives the code and why. Nothing changed.</summary>
    public const int RefusedByGuard = 7;
}
