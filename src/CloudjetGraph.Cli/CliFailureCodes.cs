namespace CloudjetGraph.Cli;

/// <summary>
/// The tool's own failure codes, beside the domain's (<see cref="Core.Errors.ErrorCodes"/>): fixed
/// strings that scripts match on, so never derived from a C# identifier.
/// </summary>
internal static class CliFailureCodes
{
    /// <summary>An unknown option or verb, or an argument that does not parse.</summary>
    public const string Usage = "USAGE";

    /// <summary>A verb that changes keys ran without a terminal and without <c>--yes</c>.</summary>
    public const string ConfirmationRequired = "CONFIRMATION_REQUIRED";

    /// <summary>The custodian answered anything but yes at the prompt.</summary>
    public const string NotConfirmed = "NOT_CONFIRMED";

    /// <summary>A setting failed the gateway's startup checks.</summary>
    public const string InvalidSettings = "INVALID_SETTINGS";

    /// <summary>The key store named by <c>ConnectionStrings:CloudjetKeys</c> is not this database's.</summary>
    public const string KeyStoreMismatch = "KEY_STORE_MISMATCH";

    /// <summary>The database failed a command; the message names the exception type only.</summary>
    public const string DatabaseFailed = "DATABASE_FAILED";

    /// <summary><c>audit verify</c> found the chain broken.</summary>
    public const string AuditBroken = "AUDIT_BROKEN";

    /// <summary>A reindex finished with profiles whose email no longer opens.</summary>
    public const string ProfilesPending = "PROFILES_PENDING";

    /// <summary>A file the verb writes could not be written.</summary>
    public const string FileNotWritten = "FILE_NOT_WRITTEN";

    /// <summary>Anything else the verb could not do; the message says what.</summary>
    public const string Failed = "FAILED";
}
