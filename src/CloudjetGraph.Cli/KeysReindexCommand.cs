using System.CommandLine;
using System.Data.Common;
using CloudjetGraph.Core;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Keys.Jobs;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys reindex [--batch N]</c>: moves every profile's blind-index entries under the active
/// blind-index key, batch after batch, while the gateway keeps consulting every loaded key, then
/// drops the entries of invitations that can no longer be used. A minimal driver of
/// <see cref="BlindIndexReindexer"/>: the job framework (lease, checkpoint, progress, <c>--dry-run</c>,
/// <c>--rate</c>) takes it over.
/// </summary>
internal static class KeysReindexCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var batch = new Option<int>("--batch") { Description = "Profiles per batch (one transaction each). Default 500.", DefaultValueFactory = _ => 500 };
        var command = new Command("reindex", "Recompute the blind index under the active blind-index key; login, sign-up and search keep working meanwhile.") { batch };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var batchSize = parseResult.GetValue(batch);
            if (batchSize <= 0)
            {
                await error.WriteLineAsync("keys reindex: --batch must be at least 1.");
                return CliExitCodes.Error;
            }

            try
            {
                using var host = buildHost();
                host.Services.GetService<IStartupValidator>()?.Validate();
                await using var scope = host.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<KeyRingBootstrapper>().LoadExistingAsync(cancellationToken);
                var reindexer = scope.ServiceProvider.GetRequiredService<BlindIndexReindexer>();
                var (changed, conflicts) = await RunPassesAsync(reindexer, batchSize, cancellationToken);
                var remaining = await reindexer.CountPendingAsync(cancellationToken);
                var invitations = await reindexer.RetireInvitationEntriesAsync(cancellationToken);
                var activeKey = scope.ServiceProvider.GetRequiredService<DataKeyRing>().Active(DataKeyPurpose.BlindIndex).Id;
                await output.WriteLineAsync($"Reindexed {changed} profile(s) under blind-index key {activeKey}; {conflicts} changed concurrently and were taken again; {remaining} still pending.");
                await output.WriteLineAsync($"Dropped the entries of {invitations.Cleared} used or expired invitation(s); {invitations.StillOpen} open invitation(s) keep theirs under an older key until used or expired.");
                if (remaining > 0)
                {
                    await error.WriteLineAsync($"keys reindex: {remaining} profile(s) could not be reindexed because their email no longer opens (shredded or damaged); the log names them.");
                    return CliExitCodes.Error;
                }

                return CliExitCodes.Done;
            }
            catch (Exception exception) when (exception is OptionsValidationException or KeyRingUnavailableException or DbException)
            {
                await error.WriteLineAsync($"keys reindex: {exception.Message}");
                return CliExitCodes.Error;
            }
        });
        return command;
    }

    // Pass after pass over the pending rows, by id; a pass with conflicts is followed by another,
    // since a concurrent edit that did not touch an email leaves that row's entries where they were.
    private static async Task<(long Changed, long Conflicts)> RunPassesAsync(BlindIndexReindexer reindexer, int batchSize, CancellationToken cancellationToken)
    {
        var (changed, conflicts) = (0L, 0L);
        long passConflicts;
        do
        {
            passConflicts = 0;
            for (var result = await reindexer.RunBatchAsync(null, batchSize, dryRun: false, cancellationToken);
                 result.LastId is { } lastId;
                 result = await reindexer.RunBatchAsync(lastId, batchSize, dryRun: false, cancellationToken))
            {
                changed += result.Changed;
                passConflicts += result.Conflicts;
            }

            conflicts += passConflicts;
        }
        while (passConflicts > 0);
        return (changed, conflicts);
    }
}
