using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CloudjetGraph.Cli;

/// <summary>
/// Where a verb's result and failures go, in one place for every verb. Without <c>--json</c>: the
/// result's lines on stdout, a failure as one line on stderr (<c>keys VERB: [CODE] why</c> for a
/// rule's refusal, <c>keys VERB: why</c> otherwise). With <c>--json</c>: exactly one JSON object on
/// stdout either way, a failure as <c>{"error":{"code":…,"message":…}}</c>; stderr then carries only
/// logs and progress. The exit code is the same with and without <c>--json</c>.
/// </summary>
internal static class CliOutput
{
    /// <summary>The option every <c>keys</c> and <c>audit</c> verb takes.</summary>
    public const string JsonOptionName = "--json";

    /// <summary>
    /// camelCase, ISO 8601 times, indented, as <c>keys list --json</c> always printed. Quotes and
    /// backticks in messages stay readable: the output goes to a terminal or a script, never into HTML.
    /// </summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Adds <c>--json</c> to <paramref name="command"/> unless it has it already.</summary>
    public static Command WithJsonOption(this Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!command.Options.Any(option => option.Name == JsonOptionName))
        {
            command.Options.Add(new Option<bool>(JsonOptionName) { Description = "Print one JSON object on stdout instead of text, for scripts; a failure is {\"error\":{\"code\",\"message\"}} with the same exit code." });
        }

        return command;
    }

    /// <summary>Adds <c>--json</c> to every verb (a command with an action) at or below <paramref name="command"/>.</summary>
    public static Command WithJsonOnEveryVerb(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var subcommand in command.Subcommands)
        {
            WithJsonOnEveryVerb(subcommand);
        }

        return command.Action is null ? command : command.WithJsonOption();
    }

    /// <summary>Whether the command line asked for JSON; read from the tokens, so it holds for a command line that did not parse.</summary>
    public static bool IsJson(ParseResult parseResult) =>
        parseResult.Tokens.Any(token => token.Value == JsonOptionName)
        && parseResult.CommandResult.Command.Options.Any(option => option.Name == JsonOptionName);

    /// <summary>The verb as typed without the tool's name: <c>keys disable</c>, <c>audit verify</c>.</summary>
    public static string VerbOf(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (result.Command is not RootCommand)
            {
                names.Insert(0, result.Command.Name);
            }
        }

        return string.Join(' ', names);
    }

    public static async Task WriteAsync(ParseResult parseResult, CliResult result)
    {
        var output = parseResult.InvocationConfiguration.Output;
        await output.WriteLineAsync(IsJson(parseResult) ? JsonSerializer.Serialize(result.Json, JsonOptions) : result.Text);
        await output.FlushAsync();
    }

    public static async Task<int> WriteAsync(ParseResult parseResult, CliFailure failure)
    {
        if (IsJson(parseResult))
        {
            var output = parseResult.InvocationConfiguration.Output;
            await output.WriteLineAsync(JsonSerializer.Serialize(new { error = new { code = failure.Code, message = failure.Message } }, JsonOptions));
            await output.FlushAsync();
        }
        else
        {
            var code = failure.ShowCode ? $"[{failure.Code}] " : string.Empty;
            await parseResult.InvocationConfiguration.Error.WriteLineAsync($"{VerbOf(parseResult)}: {code}{failure.Message}");
        }

        return failure.ExitCode;
    }
}
