using System.CommandLine;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Keys.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary><c>keys enable ID [--yes]</c>: a disabled data key is decrypt-only again and everything under it reads as before.</summary>
internal static class KeysEnableCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var id = KeyStateCli.IdArgument();
        var command = new Command(
            "enable",
            "Enable a disabled data key: it is decrypt-only again and everything under it reads as before. A key scheduled for destruction is first taken back with `keys cancel-destroy`.")
        {
            id,
        }.WithConfirmation();
        command.SetAction((parseResult, cancellationToken) => KeyStateCli.RunAsync(
            parseResult,
            buildHost,
            $"Enable data key {parseResult.GetValue(id)}: everything under it reads again.",
            (services, token) => services.GetRequiredService<DataKeyLifecycle>().EnableAsync(OperationActor.Cli(), parseResult.GetValue(id), token),
            cancellationToken));
        return command;
    }
}
