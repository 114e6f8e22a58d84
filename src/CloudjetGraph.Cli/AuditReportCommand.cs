using System.CommandLine;
using System.Data.Common;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Breaches;
using CloudjetGraph.Core.KeyRing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>audit report --from T1 --to T2 [--subject S] [--format json|csv]</c>: the breach scope for a
/// window (<see cref="BreachScope"/>) with each affected person's contact email, decrypted here and
/// only here so they can be notified (POLICY.md §6). The report records itself as
/// <see cref="PrivacyOperationNames.BreachReport"/> before anything is printed. With
/// <c>--compromise</c> it scopes a compromised server instead (<see cref="CompromiseReportRun"/>).
/// </summary>
internal static class AuditReportCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var from = new Option<DateTimeOffset>("--from") { Description = "Start of the window, inclusive (ISO 8601, e.g. 2026-11-20T00:00:00Z).", Required = true };
        var to = new Option<DateTimeOffset>("--to") { Description = "End of the window: exclusive for staff reads, inclusive with --compromise (at the latest now).", Required = true };
        var subject = new Option<string?>("--subject") { Description = "Only reads by this staff token subject (a leaked account)." };
        var compromise = new Option<bool>("--compromise") { Description = "Scope a compromised server instead: everyone whose data the stores held at some moment of the window (both ends inclusive), with the notification's fields." };
        var format = new Option<string>("--format") { Description = "json (default) or csv.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var command = new Command("report", "List the profiles whose personal fields staff read in a window, who read them and which fields, with contact emails for notification; with --compromise, everyone a compromised server held in the window. Recorded in the audit trail.")
        {
            from,
            to,
            subject,
            compromise,
            format,
        };
        command.SetAction((parseResult, cancellationToken) => CliVerb.RunAsync(
            parseResult,
            async token =>
            {
                var window = (From: parseResult.GetValue(from), To: parseResult.GetValue(to), Subject: parseResult.GetValue(subject));
                var csv = parseResult.GetValue(format) == "csv";
                if (csv && CliOutput.IsJson(parseResult))
                {
                    throw CliRefusalException.Usage("--json prints the report as JSON; leave out --format csv.");
                }

                if (parseResult.GetValue(compromise))
                {
                    return window.Subject is null
                        ? await CompromiseReportRun.RunAsync(buildHost, window.From, window.To, csv, token)
                        : throw CliRefusalException.Usage("--subject scopes staff reads; a compromised server's scope has no subject.");
                }

                if (window.From >= window.To)
                {
                    throw CliRefusalException.Usage("--from must be earlier than --to.");
                }

                var report = await CliVerb.InHostAsync(buildHost, (services, step) => ReadAsync(services, window.From, window.To, window.Subject, step), token);
                return await ReportResult.OfAsync(report, BreachReportJson.Document(report), csv, BreachReportCsv.WriteAsync);
            },
            cancellationToken));
        return command;
    }

    private static async Task<BreachReport> ReadAsync(IServiceProvider services, DateTimeOffset from, DateTimeOffset to, string? subject, CancellationToken cancellationToken)
    {
        var target = BreachWindow.Describe(from, to, subject);
        try
        {
            return await services.GetRequiredService<OperationLog>().RunAsync(
                OperationActor.Cli(),
                PrivacyOperationNames.BreachReport,
                target,
                async token =>
                {
                    await services.GetRequiredService<KeyRingBootstrapper>().LoadExistingAsync(token);
                    var profiles = await services.GetRequiredService<BreachScope>().ReadAsync(from, to, subject, token);
                    var emails = await services.GetRequiredService<BreachContacts>().EmailsAsync([.. profiles.Select(p => p.ProfileId)], token);
                    return new BreachReport(from, to, subject, profiles, emails);
                },
                result => new OperationSummary(target, $"{result.Profiles.Count} profiles affected; contact emails decrypted for notification (Cli)."),
                cancellationToken);
        }
        catch (DbException exception)
        {
            // Named by type only: a database library's message may quote the statement it ran.
            throw new CliRefusalException(CliExitCodes.Error, CliFailureCodes.DatabaseFailed, $"the database failed ({exception.GetType().Name}).");
        }
    }
}
