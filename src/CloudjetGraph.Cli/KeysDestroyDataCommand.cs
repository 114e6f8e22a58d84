using System.CommandLine;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys destroy-data ID [--yes]</c>: overwrites a data key scheduled for destruction, irreversibly, once
/// its waiting period has passed and nothing needs it. There is no way past the guards.
/// </summary>
internal static class KeysDestroyDataCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var id = KeyStateCli.IdArgument();
        var command = new Command(
            "destroy-data",
            "Destroy a data key scheduled with `keys schedule-destroy`, once its waiting period has passed, the census counts nothing under it, no stored value is unattributed and nothing tried to use it since scheduling. IRREVERSIBLE.")
        {
            id,
        }.WithConfirmation();
        command.SetAction((parseResult, cancellationToken) => CliVerb.RunAsync(
            parseResult,
            async token =>
            {
                await CliConfirmation.RequireAsync(parseResult, $"Destroy data key {parseResult.GetValue(id)} for good: this cannot be undone.", token);
                var result = await CliVerb.InHostAsync(
                    buildHost,
                    (services, step) => services.GetRequiredService<DataKeyDestruction>().DestroyAsync(OperationActor.Cli(), parseResult.GetValue(id), step),
                    token);
                return new CliResult(
                    $"Destroyed data key {result.Id} ({result.Purpose}); this cannot be undone. Nothing was under it.",
                    new { id = result.Id, purpose = result.Purpose, state = DataKeyStates.Destroyed });
            },
            cancellationToken));
        return command;
    }
}
