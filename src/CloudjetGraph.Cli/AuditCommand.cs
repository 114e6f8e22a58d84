using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary><c>audit &lt;verb&gt;</c>: checking the chained audit trail and reporting a breach's scope, one class per verb.</summary>
internal static class AuditCommand
{
    /// <summary>Builds the command; <paramref name="buildHost"/> gives each verb the gateway's services and settings.</summary>
    public static Command Create(Func<IHost> buildHost)
    {
        var audit = new Command("audit", "The audit trail: verify its hash chain, report who read which profiles in a time window.");
        audit.Subcommands.Add(AuditVerifyCommand.Create(buildHost));
        audit.Subcommands.Add(AuditReportCommand.Create(buildHost));
        return CliOutput.WithJsonOnEveryVerb(StorePairingGuard.Guard(audit, buildHost));
    }
}
