namespace CloudjetGraph.Cli;

/// <summary>
/// A verb's own refusal (a bad argument, a missing confirmation): thrown before anything is changed
/// and written by <see cref="CliVerb"/> like any other failure. The message is the tool's own text.
/// </summary>
internal sealed class CliRefusalException : Exception
{
    public CliRefusalException(int exitCode, string code, string message)
        : base(message)
    {
        ExitCode = exitCode;
        Code = code;
    }

    public CliRefusalException()
        : this(CliExitCodes.Error, CliFailureCodes.Failed, "The command was refused.")
    {
    }

    public CliRefusalException(string message)
        : this(CliExitCodes.Error, CliFailureCodes.Failed, message)
    {
    }

    public CliRefusalException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = CliExitCodes.Error;
        Code = CliFailureCodes.Failed;
    }

    public int ExitCode { get; }

    public string Code { get; }

    /// <summary>A usage error: the command as given is not run.</summary>
    public static CliRefusalException Usage(string message) => new(CliExitCodes.Usage, CliFailureCodes.Usage, message);
}
