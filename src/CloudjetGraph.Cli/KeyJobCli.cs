using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Keys.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace CloudjetGraph.Cli;

/// <summary>
/// What every key job verb shares: <c>--batch</c>, <c>--rate</c>, <c>--dry-run</c>, the host, the
/// progress display and the exit codes (0 done, 1 error, 2 usage, 3 work remains, 4 lease held).
/// </summary>
internal static class KeyJobCli
{
    private const string BatchName = "--batch";
    private const string RateName = "--rate";
    private const string DryRunName = "--dry-run";

    /// <summary>Adds the shared options to a job command (new instances each time: an option belongs to one command).</summary>
    public static Command WithJobOptions(this Command command)
    {
        command.Options.Add(new Option<int>(BatchName)
        {
            Description = $"Rows per batch, 1-{KeyJobRunner.MaxBatchSize}; one batch is one transaction, so writers wait at most that long. Default {KeyJobRequest.DefaultBatchSize}.",
            DefaultValueFactory = _ => KeyJobRequest.DefaultBatchSize,
        });
        command.Options.Add(new Option<int?>(RateName) { Description = "At most this many rows per second (at least 1). Default: no cap." });
        command.Options.Add(new Option<bool>(DryRunName) { Description = "Count what would change and write nothing, not even a checkpoint." });
        return command;
    }

    /// <summary>
    /// Runs a job through <see cref="KeyJobs"/> (which checks both databases and the scope and
    /// records the run) with progress, then prints what it did; a finished reindex also reports the
    /// invitations and exits 1 while profiles remain pending.
    /// </summary>
    public static Task<int> RunAsync(
        ParseResult parseResult,
        Func<IHost> buildHost,
        string verb,
        string kind,
        Func<RekeyScope> scope,
        bool restart,
        CancellationToken cancellationToken) =>
        CliVerb.RunAsync(parseResult, token => RunJobAsync(parseResult, buildHost, verb, kind, scope(), restart, token), cancellationToken);

    private static async Task<CliResult> RunJobAsync(ParseResult parseResult, Func<IHost> buildHost, string verb, string kind, RekeyScope scope, bool restart, CancellationToken cancellationToken)
    {
        var request = new KeyJobRequest(kind, scope.Name, parseResult.GetValue<int>(BatchName), parseResult.GetValue<int?>(RateName), parseResult.GetValue<bool>(DryRunName), restart);
        if (request.BatchSize is < 1 or > KeyJobRunner.MaxBatchSize || request.RowsPerSecond is < 1)
        {
            throw CliRefusalException.Usage($"--batch must be 1-{KeyJobRunner.MaxBatchSize} and --rate at least 1.");
        }

        // With --json, stdout holds the one result object: progress goes to stderr.
        var progressOutput = CliOutput.IsJson(parseResult) ? parseResult.InvocationConfiguration.Error : parseResult.InvocationConfiguration.Output;
        KeyJobResult result;
        try
        {
            result = await CliVerb.InHostAsync(
                buildHost,
                (services, token) => WithProgressAsync(progressOutput, verb, progress =>
                    services.GetRequiredService<KeyJobs>().RunAsync(OperationActor.Cli(), request, scope, progress, started: null, token)),
                cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            throw new CliRefusalException(CliExitCodes.Error, CliFailureCodes.Failed, exception.Message);
        }
        catch (DbException exception)
        {
            // A database's own text may quote stored values (a key that already exists, say): the type only.
            throw new CliRefusalException(CliExitCodes.Error, CliFailureCodes.DatabaseFailed, $"the database refused a write ({exception.GetType().Name}); every batch before it is kept, so run it again once the database is healthy.");
        }

        var summary = Summary(verb, request, result.Outcome);
        if (!result.Outcome.Finished)
        {
            return new CliResult(summary, Json(request, result), CliExitCodes.WorkRemains);
        }

        if (result.Invitations is not { } invitations)
        {
            return new CliResult(summary, Json(request, result));
        }

        var text = summary + Environment.NewLine
            + $"Dropped the entries of {invitations.Cleared} used or expired invitation(s); {invitations.StillOpen} open invitation(s) keep theirs under an older key until used or expired.";
        if (result.StillPending == 0)
        {
            return new CliResult(text, Json(request, result));
        }

        // The counts above still reach a custodian reading the text; a script reads the failure.
        if (!CliOutput.IsJson(parseResult))
        {
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(text);
        }

        throw new CliRefusalException(
            CliExitCodes.Error,
            CliFailureCodes.ProfilesPending,
            $"{result.StillPending} profile(s) still pending: changed concurrently (run it again) or their email no longer opens (shredded or damaged; the log names them).");
    }

    private static object Json(KeyJobRequest request, KeyJobResult result)
    {
        var p = result.Outcome.Progress;
        return new
        {
            kind = request.Kind,
            scope = request.Scope,
            dryRun = request.DryRun,
            finished = result.Outcome.Finished,
            pending = p.Pending,
            examined = p.Examined,
            changed = p.Changed,
            conflicts = p.Conflicts,
            invitations = result.Invitations is { } invitations ? new { cleared = invitations.Cleared, stillOpen = invitations.StillOpen } : null,
            stillPending = result.StillPending,
        };
    }

    private static string Summary(string verb, KeyJobRequest request, KeyJobOutcome outcome)
    {
        var p = outcome.Progress;
        var counts = string.Create(CultureInfo.InvariantCulture, $"{p.Examined} examined, {p.Changed} {(request.DryRun ? "would change" : "changed")}, {p.Conflicts} changed concurrently");
        return (request.DryRun, outcome.Finished, p.Pending) switch
        {
            (true, _, _) => $"keys {verb} {request.Scope} (dry run, nothing written): {counts}.",
            (false, true, 0) when p.Examined == 0 => $"keys {verb} {request.Scope}: nothing to do.",
            (false, true, _) when p.Conflicts > 0 => $"keys {verb} {request.Scope}: done; {counts}. Run it again to retry the rows changed concurrently.",
            (false, true, _) => $"keys {verb} {request.Scope}: done; {counts}.",
            _ => $"keys {verb} {request.Scope}: interrupted after the batch in flight; {counts}. Work remains: run the same command again to resume.",
        };
    }

    // A progress bar with rate and remaining time on a terminal; periodic plain lines otherwise
    // (redirected output, tests). Counts only, never a value.
    private static async Task<KeyJobResult> WithProgressAsync(TextWriter output, string verb, Func<IProgress<KeyJobProgress>, Task<KeyJobResult>> run)
    {
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            return await run(new PlainJobProgress(output, verb, TimeProvider.System));
        }

        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(verb, maxValue: 1);
                return await run(new SynchronousProgress(p =>
                {
                    task.MaxValue = Math.Max(1, p.Pending);
                    task.Value = Math.Min(p.Examined, task.MaxValue);
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{verb}: {p.Examined}/{p.Pending} rows, {p.RowsPerSecond:F0} rows/s");
                }));
            });
    }
}
