namespace CloudjetGraph.Cli;

/// <summary>What a verb did: the lines a custodian reads, the object a script reads with <c>--json</c>, and the exit code.</summary>
/// <param name="Text">One or more lines for stdout.</param>
/// <param name="Json">The one JSON object <c>--json</c> prints instead (camelCase, ids, states, counts, times); never a value or a key.</param>
/// <param name="ExitCode">One of <see cref="CliExitCodes"/>: <see cref="CliExitCodes.Done"/>, or <see cref="CliExitCodes.WorkRemains"/> for an interrupted job.</param>
internal sealed record CliResult(string Text, object Json, int ExitCode = CliExitCodes.Done);
