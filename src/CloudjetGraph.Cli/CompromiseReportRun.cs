using System.Globalization;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Breaches;
using CloudjetGraph.Core.KeyRing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>audit report --compromise --from T1 --to T2</c>: everyone a server compromised in the window
/// could have read at rest (<see cref="CompromiseScope"/>), with the notification's fields and each
/// stored profile's contact email, decrypted here and only here. Recorded as
/// <see cref="PrivacyOperationNames.BreachReport"/> on a <c>compromise</c> target before anything is printed.
/// </summary>
internal static class CompromiseReportRun
{
    /// <summary>Checks the window, reads the census in a host and renders it as JSON or CSV.</summary>
    public static async Task<CliResult> RunAsync(Func<IHost> buildHost, DateTimeOffset from, DateTimeOffset to, bool csv, CancellationToken cancellationToken)
    {
        if (from > to)
        {
            throw CliRefusalException.Usage("--from must not be later than --to.");
        }

        var report = await CliVerb.InHostAsync(buildHost, (services, step) => ReadAsync(services, from, to, step), cancellationToken);
        return await ReportResult.OfAsync(report, CompromiseReportJson.Document(report), csv, CompromiseReportCsv.WriteAsync);
    }

    private static async Task<CompromiseReport> ReadAsync(IServiceProvider services, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var madeAt = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (to > madeAt)
        {
            // The stores can say what they held, never what they will hold.
            throw CliRefusalException.Usage("--to is in the future; a compromise window ends at the latest now.");
        }

        // A database failure reaches CliFailure, which names it by type only, as for every verb.
        var target = BreachWindow.DescribeCompromise(from, to);
        return await services.GetRequiredService<OperationLog>().RunAsync(
            OperationActor.Cli(),
            PrivacyOperationNames.BreachReport,
            target,
            async token =>
            {
                // The census first: it proves the pair of stores, which names a mistyped setting
                // better than the ring's complaint about a database without data keys.
                var census = await services.GetRequiredService<CompromiseScope>().ReadAsync(from, to, token);
                await services.GetRequiredService<KeyRingBootstrapper>().LoadExistingAsync(token);
                var stored = census.Records.Where(r => r.State == StoredRecordStates.Stored).Select(r => r.Id).ToList();
                var emails = await services.GetRequiredService<BreachContacts>().EmailsAsync(stored, token);
                return new CompromiseReport(from, to, madeAt, census, emails);
            },
            result => new OperationSummary(target, string.Create(CultureInfo.InvariantCulture, $"{result.People} people stored in the window ({result.Invitees} invitees, {result.Removed} removed); contact emails decrypted for notification (Cli).")),
            cancellationToken);
    }
}
