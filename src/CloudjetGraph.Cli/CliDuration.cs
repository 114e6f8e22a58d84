using System.CommandLine;
using CloudjetGraph.Core.Keys.Lifecycle;

namespace CloudjetGraph.Cli;

/// <summary>
/// The tool's duration options (<c>--after 7d</c>, <c>--activate-in 90m</c>), all read by
/// <see cref="DurationText.TryParseToolDuration"/>; a malformed one is a usage error.
/// </summary>
internal static class CliDuration
{
    /// <summary>A duration option; <paramref name="description"/> is followed by the accepted forms.</summary>
    public static Option<string?> Option(string name, string description) =>
        new(name) { Description = $"{description} Written as {DurationText.ToolUsage}." };

    /// <summary>The option's duration, null when not given; a usage refusal when malformed.</summary>
    public static TimeSpan? Read(ParseResult parseResult, Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(option);
        if (parseResult.GetValue(option) is not { } text)
        {
            return null;
        }

        return DurationText.TryParseToolDuration(text, out var duration, out var problem)
            ? duration
            : throw CliRefusalException.Usage($"{option.Name}: {problem}");
    }
}
