using System.CommandLine;

namespace CloudjetGraph.Cli;

/// <summary>
/// The confirmation of a verb that changes keys. At a terminal (stdin and stdout both a console) it
/// names what will happen on stderr and waits for <c>yes</c>; <c>--yes</c> skips it. Without a
/// terminal and without <c>--yes</c> the verb is refused with <see cref="CliExitCodes.Usage"/>
/// before anything is read: a script states that it means it, and a pipe never answers for it.
/// </summary>
internal static class CliConfirmation
{
    public const string YesOptionName = "--yes";

    /// <summary>Adds <c>--yes</c> to a verb that changes keys.</summary>
    public static Command WithConfirmation(this Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(new Option<bool>(YesOptionName) { Description = "Do not ask for confirmation; required when stdin or stdout is not a terminal (scripts)." });
        return command;
    }

    /// <summary>Returns once the step described by <paramref name="what"/> is confirmed; otherwise throws a usage refusal.</summary>
    public static async Task RequireAsync(ParseResult parseResult, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        if (parseResult.GetValue<bool>(YesOptionName))
        {
            return;
        }

        var verb = CliOutput.VerbOf(parseResult);
        if (!IsTerminal(parseResult))
        {
            throw new CliRefusalException(
                CliExitCodes.Usage,
                CliFailureCodes.ConfirmationRequired,
                $"{what} Not run: without a terminal nobody can confirm it; pass --yes (`{verb} --yes`) to run it from a script.");
        }

        // The prompt goes to stderr, so stdout holds only the result (or its JSON).
        var prompt = parseResult.InvocationConfiguration.Error;
        await prompt.WriteAsync($"{what} Type yes to go on: ");
        await prompt.FlushAsync(cancellationToken);
        var answer = await Console.In.ReadLineAsync(cancellationToken);
        if (!string.Equals(answer?.Trim(), "yes", StringComparison.OrdinalIgnoreCase) && !string.Equals(answer?.Trim(), "y", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliRefusalException(CliExitCodes.Usage, CliFailureCodes.NotConfirmed, "Not confirmed; nothing was changed.");
        }
    }

    // In process (tests) the writers are not the console, so this is never a terminal there.
    private static bool IsTerminal(ParseResult parseResult) =>
        ReferenceEquals(parseResult.InvocationConfiguration.Output, Console.Out)
        && !Console.IsInputRedirected
        && !Console.IsOutputRedirected;
}
