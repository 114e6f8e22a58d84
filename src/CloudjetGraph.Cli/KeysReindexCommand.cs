using System.CommandLine;
using CloudjetGraph.Core.Keys.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys reindex [--batch N] [--rate N] [--dry-run]</c>: moves every profile's blind-index entries
/// under the active blind-index key (after <c>keys rotate-data --purpose blind-index</c>) while the
/// gateway keeps consulting every loaded key, then drops the entries of invitations that can no
/// longer be used. Resumable like every key job; exits 1 when profiles remain whose email no
/// longer opens (shredded or damaged), since their entries stay under the old key.
/// </summary>
internal static class KeysReindexCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var command = new Command("reindex", "Recompute the blind index under the active blind-index key; login, sign-up and search keep working meanwhile. Resumable.").WithJobOptions();
        command.SetAction((parseResult, cancellationToken) => KeyJobCli.RunAsync(
            parseResult,
            buildHost,
            "reindex",
            KeyJobKinds.Reindex,
            "all",
            restart: false,
            (_, _) => Task.FromResult<string?>(null),
            (services, _) => services.GetRequiredService<BlindIndexReindexer>(),
            FinishAsync,
            cancellationToken));
        return command;
    }

    private static async Task<int> FinishAsync(IServiceProvider services, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var reindexer = services.GetRequiredService<BlindIndexReindexer>();
        var invitations = await reindexer.RetireInvitationEntriesAsync(cancellationToken);
        await parseResult.InvocationConfiguration.Output.WriteLineAsync(
            $"Dropped the entries of {invitations.Cleared} used or expired invitation(s); {invitations.StillOpen} open invitation(s) keep theirs under an older key until used or expired.");
        var remaining = await reindexer.CountPendingAsync(cancellationToken);
        if (remaining == 0)
        {
            return CliExitCodes.Done;
        }

        await parseResult.InvocationConfiguration.Error.WriteLineAsync(
            $"keys reindex: {remaining} profile(s) still pending: changed concurrently (run it again) or their email no longer opens (shredded or damaged; the log names them).");
        return CliExitCodes.Error;
    }
}
