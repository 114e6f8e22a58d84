using System.CommandLine;
using CloudjetGraph.Core.Keys.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using static CloudjetGraph.Cli.CliTables;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys jobs [--json]</c>: every key job run (rewrap, rekey, reindex), most recently updated
/// first, as GraphQL's <c>keyJobs</c> reads them (<see cref="KeyJobStatusReader"/>): state, counts,
/// lease holder and times. Reads the key store only.
/// </summary>
internal static class KeysJobsCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var command = new Command("jobs", "Show the key jobs' runs (rewrap, rekey, reindex): state, progress, lease holder and times, most recently updated first.");
        command.SetAction((parseResult, cancellationToken) => CliVerb.RunInHostAsync(
            parseResult,
            buildHost,
            (services, token) => services.GetRequiredService<KeyJobStatusReader>().ReadAsync(token),
            jobs => new CliResult(Render(parseResult.InvocationConfiguration.Output, jobs), new { jobs }),
            cancellationToken));
        return command;
    }

    private static string Render(TextWriter target, IReadOnlyList<KeyJobStatus> jobs) => CliTables.Render(target, console =>
    {
        var table = Titled("Key jobs", "Kind", "Scope", "State", "Examined", "Changed", "Conflicts", "Lease holder", "Lease expires", "Started", "Updated", "Finished");
        foreach (var job in jobs)
        {
            AddRow(table, job.Kind, job.Scope, job.State, Count(job.Examined), Count(job.Changed), Count(job.Conflicts), job.Holder ?? "-", Time(job.LeaseExpiresAt), Time(job.StartedAt), Time(job.UpdatedAt), Time(job.FinishedAt));
        }

        console.Write(table);
        if (jobs.Count == 0)
        {
            console.WriteLine("No key job has run.");
        }
    });
}
