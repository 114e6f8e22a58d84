using System.CommandLine;
using System.Text.Json;

namespace CloudjetGraph.Cli;

/// <summary>
/// Parses and runs a command line, as the entry point and the in-process tests both do. A command
/// line that does not parse (an unknown option or verb, a malformed id) exits
/// <see cref="CliExitCodes.Usage"/> with the parser's reasons, as one JSON error with <c>--json</c>;
/// System.CommandLine's own handling would answer 1, the code of a failure.
/// </summary>
internal static class CliInvocation
{
    public static async Task<int> InvokeAsync(Command command, IReadOnlyList<string> arguments, InvocationConfiguration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(configuration);
        var parseResult = command.Parse(arguments);
        if (parseResult.Errors.Count == 0)
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }

        var verb = CliOutput.VerbOf(parseResult);
        var why = string.Join("; ", parseResult.Errors.Select(error => error.Message));
        var message = $"{why} See `{verb} --help`.";
        if (CliOutput.IsJson(parseResult))
        {
            await configuration.Output.WriteLineAsync(JsonSerializer.Serialize(new { error = new { code = CliFailureCodes.Usage, message } }, CliOutput.JsonOptions));
            await configuration.Output.FlushAsync(cancellationToken);
        }
        else
        {
            await configuration.Error.WriteLineAsync($"{verb}: [{CliFailureCodes.Usage}] {message}");
        }

        return CliExitCodes.Usage;
    }
}
