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
/// <c>keys rotate-data --purpose person-keys|blind-index|token-signing</c>: a new data key becomes
/// active, the old one decrypt-only. Nothing under the old key is rewritten.
/// </summary>
internal static class KeysRotateDataCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var purpose = new Option<string>("--purpose")
        {
            Description = $"The key to rotate: {DataKeyPurposeLabels.PersonKeyWrapping}, {DataKeyPurposeLabels.BlindIndex} or {DataKeyPurposeLabels.TokenSigning}.",
            Required = true,
        };
        var command = new Command(
            "rotate-data",
            "Make a new data key of a purpose active; the old one stays decrypt-only. Then `keys rewrap` (person-keys) or `keys reindex` (blind-index) moves what is under it; token-signing needs nothing more.")
        {
            purpose,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            if (!DataKeyPurposeLabels.TryParse(parseResult.GetValue(purpose), out var chosen))
            {
                await error.WriteLineAsync($"keys rotate-data: --purpose must be {DataKeyPurposeLabels.PersonKeyWrapping}, {DataKeyPurposeLabels.BlindIndex} or {DataKeyPurposeLabels.TokenSigning}.");
                return CliExitCodes.Error;
            }

            DataKeyRotationResult result;
            try
            {
                using var host = buildHost();

                // The same settings checks as the gateway's startup, before anything is read or written.
                host.Services.GetService<IStartupValidator>()?.Validate();
                await using var scope = host.Services.CreateAsyncScope();
                result = await scope.ServiceProvider.GetRequiredService<DataKeyRotation>().RotateAsync(OperationActor.Cli(), chosen, cancellationToken);
            }
            catch (Exception exception) when (exception is OptionsValidationException or KeyRingUnavailableException or DomainException or DbException)
            {
                await error.WriteLineAsync($"keys rotate-data: {exception.Message}");
                return CliExitCodes.Error;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync(
                $"Created data key {result.NewKeyId} ({result.Purpose}), active now; {result.PreviousKeyId} is decrypt-only. Running gateways switch within DataProtection:RefreshInterval.");
            return CliExitCodes.Done;
        });
        return command;
    }
}
