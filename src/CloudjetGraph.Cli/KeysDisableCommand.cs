using System.CommandLine;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Keys.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary><c>keys disable ID [--yes]</c>: nothing opens under a decrypt-only data key until <c>keys enable</c>; each attempt is recorded.</summary>
internal static class KeysDisableCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var id = KeyStateCli.IdArgument();
        var command = new Command(
            "disable",
            "Disable a decrypt-only data key: nothing opens under it (KEY_DISABLED), each attempt is recorded and readiness reports it, so you learn what still needs it. Undo with `keys enable`. The active key is never disabled.")
        {
            id,
        }.WithConfirmation();
        command.SetAction((parseResult, cancellationToken) => KeyStateCli.RunAsync(
            parseResult,
            buildHost,
            $"Disable data key {parseResult.GetValue(id)}: nothing under it opens until `keys enable`.",
            (services, token) => services.GetRequiredService<DataKeyLifecycle>().DisableAsync(OperationActor.Cli(), parseResult.GetValue(id), token),
            cancellationToken));
        return command;
    }
}
