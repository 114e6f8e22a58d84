using System.CommandLine;
using System.Globalization;
using CloudjetGraph.Core.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using static CloudjetGraph.Cli.CliTables;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys history [--limit N] [--json]</c>: the recorded key custodian operations, newest first,
/// as GraphQL's <c>keyOperations</c> reads them (<see cref="OperationLog.PageAsync"/>): who, what,
/// when, on which key, and how it ended, refusals included.
/// </summary>
internal static class KeysHistoryCommand
{
    /// <summary>The most operations one call prints.</summary>
    public const int MaxLimit = 1000;

    public static Command Create(Func<IHost> buildHost)
    {
        var limit = new Option<int>("--limit") { Description = $"How many operations, newest first: 1-{MaxLimit}. Default 20.", DefaultValueFactory = _ => 20 };
        var command = new Command("history", "Show the recorded key custodian operations (Cli and GraphQL), newest first: who, what, when, outcome.") { limit };
        command.SetAction((parseResult, cancellationToken) => CliVerb.RunAsync(
            parseResult,
            async token =>
            {
                var first = parseResult.GetValue(limit);
                if (first is < 1 or > MaxLimit)
                {
                    throw CliRefusalException.Usage($"--limit must be 1-{MaxLimit}.");
                }

                var page = await CliVerb.InHostAsync(buildHost, (services, step) => services.GetRequiredService<OperationLog>().PageAsync(first, before: null, step), token);
                var operations = page.Nodes.Select(entry => new
                {
                    id = entry.Sequence,
                    at = entry.At.ToUniversalTime(),
                    actorSubject = entry.ActorSubject,
                    actorRole = entry.ActorRole,
                    operation = entry.Operation,
                    target = entry.Target,
                    outcome = entry.Outcome,
                    detail = entry.Detail,
                }).ToList();
                var text = CliTables.Render(parseResult.InvocationConfiguration.Output, console =>
                {
                    var table = Titled("Key custodian operations, newest first", "Id", "At", "Actor", "Role", "Operation", "Target", "Outcome", "Detail");
                    foreach (var operation in operations)
                    {
                        AddRow(table, operation.id.ToString(CultureInfo.InvariantCulture), Time(operation.at), operation.actorSubject, operation.actorRole, operation.operation, operation.target, operation.outcome, operation.detail);
                    }

                    console.Write(table);
                    console.WriteLine($"{operations.Count} of {page.TotalCount} operation(s)" + (page.HasNextPage ? "; --limit shows more." : "."));
                });
                return new CliResult(text, new { operations, totalCount = page.TotalCount, hasMore = page.HasNextPage });
            },
            cancellationToken));
        return command;
    }
}
