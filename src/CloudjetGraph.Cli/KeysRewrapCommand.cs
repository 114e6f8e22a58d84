using System.CommandLine;
using CloudjetGraph.Core.Keys.Jobs;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys rewrap [--batch N] [--rate N] [--dry-run]</c>: moves every person key to the active
/// person-key data key (after <c>keys rotate-data --purpose person-keys</c>). Key store rows only.
/// </summary>
internal static class KeysRewrapCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var command = new Command("rewrap", "Move every person key to the active person-key data key; key store rows only, no profile row changes. Resumable.").WithJobOptions();
        command.SetAction((parseResult, cancellationToken) => KeyJobCli.RunAsync(
            parseResult,
            buildHost,
            "rewrap",
            KeyJobKinds.Rewrap,
            () => RekeyScope.All,
            restart: false,
            cancellationToken));
        return command;
    }
}
