using System.CommandLine;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Keys.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary><c>keys cancel-destroy ID [--yes]</c>: a data key scheduled for destruction goes back to disabled.</summary>
internal static class KeysCancelDestroyCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var id = KeyStateCli.IdArgument();
        var command = new Command("cancel-destroy", "Cancel a data key's scheduled destruction: it stays disabled; `keys enable` then makes it readable again.")
        {
            id,
        }.WithConfirmation();
        command.SetAction((parseResult, cancellationToken) => KeyStateCli.RunAsync(
            parseResult,
            buildHost,
            $"Cancel the destruction of data key {parseResult.GetValue(id)}: it stays disabled.",
            (services, token) => services.GetRequiredService<DataKeyLifecycle>().CancelDestructionAsync(OperationActor.Cli(), parseResult.GetValue(id), token),
            cancellationToken));
        return command;
    }
}
