using System.CommandLine;
using CloudjetGraph.Core.Keys.Jobs;
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
            () => RekeyScope.All,
            restart: false,
            cancellationToken));
        return command;
    }
}
