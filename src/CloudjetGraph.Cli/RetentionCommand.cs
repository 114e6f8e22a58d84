using System.CommandLine;
using System.Globalization;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>retention run [--yes]</c>: one <see cref="RetentionRun"/> now, as the gateways' timer runs it,
/// recorded with the OS user as actor. It deletes for good, hence the confirmation; running it
/// while gateways run retention too is safe (the prune takes the trail's lock).
/// </summary>
internal static class RetentionCommand
{
    /// <summary>Builds <c>retention</c> and its verb; <paramref name="buildHost"/> gives it the gateway's services and settings.</summary>
    public static Command Create(Func<IHost> buildHost)
    {
        var retention = new Command("retention", "What the gateway keeps only for a while: delete it once its time is up.");
        var run = new Command("run", "Delete invitations expired unused past Retention:ExpiredInvitationDays, and prune anonymous refusals older than Retention:AnonymousRefusalDays from the audit trail under a checkpoint.").WithConfirmation();
        run.SetAction((parseResult, cancellationToken) => CliVerb.RunAsync(
            parseResult,
            async token =>
            {
                await CliConfirmation.RequireAsync(parseResult, "Delete expired invitations and prune old anonymous refusals from the audit trail, for good.", token);
                var result = await CliVerb.InHostAsync(buildHost, (services, step) => services.GetRequiredService<RetentionRun>().RunAsync(OperationActor.Cli(), step), token);
                return new CliResult(
                    string.Create(CultureInfo.InvariantCulture, $"Retention done: {result.Invitations} expired invitations deleted, {result.Refusals} anonymous refusals pruned{Checkpoints(result)}."),
                    new { invitations = result.Invitations, refusals = result.Refusals, checkpoints = result.Checkpoints });
            },
            cancellationToken));
        retention.Subcommands.Add(run);
        return CliOutput.WithJsonOnEveryVerb(StorePairingGuard.Guard(retention, buildHost));
    }

    private static string Checkpoints(RetentionResult result) =>
        result.Checkpoints.Count == 0 ? string.Empty : $" under checkpoint(s) {string.Join(", ", result.Checkpoints)}";
}
