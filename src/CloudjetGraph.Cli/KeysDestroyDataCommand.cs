using System.CommandLine;
using System.Data.Common;
using CloudjetGraph.Core;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys destroy-data ID [--force]</c>: overwrites a decrypt-only data key, irreversibly; refused
/// while <c>keys list</c>'s census shows anything under it, and always for an active key.
/// </summary>
internal static class KeysDestroyDataCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var id = new Argument<Guid>("id") { Description = "The data key's id, as `keys list` shows it." };
        var force = new Option<bool>("--force") { Description = "Destroy it even though the census shows data under it: that data becomes unreadable for good." };
        var command = new Command(
            "destroy-data",
            "Destroy a decrypt-only data key. IRREVERSIBLE: whatever it still protects can never be read again, in any copy or backup. The active key of a purpose is never destroyed.")
        {
            id,
            force,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            DataKeyDestructionResult result;
            try
            {
                using var host = buildHost();
                host.Services.GetService<IStartupValidator>()?.Validate();
                await using var scope = host.Services.CreateAsyncScope();
                result = await scope.ServiceProvider.GetRequiredService<DataKeyDestruction>().DestroyAsync(OperationActor.Cli(), parseResult.GetValue(id), parseResult.GetValue(force), cancellationToken);
            }
            catch (Exception exception) when (exception is OptionsValidationException or KeyRingUnavailableException or DomainException or DbException)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"keys destroy-data: {exception.Message}");
                return CliExitCodes.Error;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync(
                $"Destroyed data key {result.Id} ({result.Purpose}); this cannot be undone."
                + (result.StillUnder.Count > 0 ? $" Forced: unreadable from now on: {string.Join("; ", result.StillUnder)}." : " Nothing was under it."));
            return CliExitCodes.Done;
        });
        return command;
    }
}
