using System.CommandLine;
using System.Data.Common;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>audit report --from T1 --to T2 [--subject S] [--format json|csv]</c>: the breach scope for a
/// window (<see cref="BreachScope"/>) with each affected person's contact email, decrypted here and
/// only here so they can be notified (POLICY.md §6). The report records itself as
/// <see cref="PrivacyOperationNames.BreachReport"/> before anything is printed.
/// </summary>
internal static class AuditReportCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var from = new Option<DateTimeOffset>("--from") { Description = "Start of the window, inclusive (ISO 8601, e.g. 2026-11-20T00:00:00Z).", Required = true };
        var to = new Option<DateTimeOffset>("--to") { Description = "End of the window, exclusive.", Required = true };
        var subject = new Option<string?>("--subject") { Description = "Only reads by this staff token subject (a leaked account)." };
        var format = new Option<string>("--format") { Description = "json (default) or csv.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var command = new Command("report", "List the profiles whose personal fields staff read in a window, who read them and which fields, with contact emails for notification. Recorded in the audit trail.")
        {
            from,
            to,
            subject,
            format,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var window = (From: parseResult.GetValue(from), To: parseResult.GetValue(to), Subject: parseResult.GetValue(subject));
            if (window.From >= window.To)
            {
                await error.WriteLineAsync("audit report: --from must be earlier than --to.");
                return CliExitCodes.Error;
            }

            BreachReport report;
            try
            {
                using var host = buildHost();
                host.Services.GetService<IStartupValidator>()?.Validate();
                await using var scope = host.Services.CreateAsyncScope();
                var services = scope.ServiceProvider;
                var target = BreachWindow.Describe(window.From, window.To, window.Subject);
                report = await services.GetRequiredService<OperationLog>().RunAsync(
                    OperationActor.Cli(),
                    PrivacyOperationNames.BreachReport,
                    target,
                    async token =>
                    {
                        await services.GetRequiredService<KeyRingBootstrapper>().LoadExistingAsync(token);
                        var profiles = await services.GetRequiredService<BreachScope>().ReadAsync(window.From, window.To, window.Subject, token);
                        var emails = await services.GetRequiredService<BreachContacts>().EmailsAsync([.. profiles.Select(p => p.ProfileId)], token);
                        return new BreachReport(window.From, window.To, window.Subject, profiles, emails);
                    },
                    result => new OperationSummary(target, $"{result.Profiles.Count} profiles affected; contact emails decrypted for notification (Cli)."),
                    cancellationToken);
            }
            catch (Exception exception) when (exception is OptionsValidationException or KeyRingUnavailableException or AuditTrailUnavailableException)
            {
                await error.WriteLineAsync($"audit report: {exception.Message}");
                return CliExitCodes.Error;
            }
            catch (DbException exception)
            {
                // Named by type only: a database library's message may quote the statement it ran.
                await error.WriteLineAsync($"audit report: the database failed ({exception.GetType().Name}).");
                return CliExitCodes.Error;
            }

            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(format) == "csv")
            {
                await BreachReportCsv.WriteAsync(output, report);
            }
            else
            {
                await BreachReportJson.WriteAsync(output, report, cancellationToken);
            }

            return CliExitCodes.Done;
        });
        return command;
    }
}
