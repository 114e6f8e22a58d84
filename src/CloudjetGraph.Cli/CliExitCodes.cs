namespace CloudjetGraph.Cli;

/// <summary>
/// Exit codes of the <c>keys</c> and <c>audit</c> commands, the same with and without <c>--json</c>;
/// listed in docs/key-runbook.md. Each failure also has a stable code
/// (<see cref="CliFailure.Code"/>), printed in brackets on stderr or as <c>error.code</c> with <c>--json</c>.
/// </summary>
internal static class CliExitCodes
{
    /// <summary>The command did all its work.</summary>
    public const int Done = 0;

    /// <summary>A bad setting, a missing or unreadable ring or database, an unknown key, or another failure; the message says which.</summary>
    public const int Error = 1;

    /// <summary>
    /// The command as given was not run: an unknown option or verb, a malformed argument or
    /// duration, a missing <c>--yes</c> without a terminal, or a confirmation declined. Nothing was read or changed.
    /// </summary>
    public const int Usage = 2;

    /// <summary>A key job was interrupted (Ctrl+C) after its batch in flight; running the same command again resumes it.</summary>
    public const int WorkRemains = 3;

    /// <summary>Another runner holds the key job lease; the message names it and when the lease expires.</summary>
    public const int LeaseHeld = 4;

    /// <summary><c>audit verify</c> found the chain broken; the message names the first bad entry.</summary>
    public const int AuditBroken = 5;

    /// <summary>
    /// <c>ConnectionStrings:CloudjetKeys</c> names a key store that is missing, empty beside
    /// profiles, or another database's; nothing was read, written or created.
    /// </summary>
    public const int StoreMismatch = 6;

    /// <summary>A data key's state or a guard (key in use, too early, used while scheduled) refused the step; the message gives the code and why. Nothing changed.</summary>
    public const int RefusedByGuard = 7;
}
