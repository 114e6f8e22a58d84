using System.CommandLine;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys rotate-data --purpose person-keys|blind-index|token-signing [--yes]</c>: a new data key
/// becomes active, the old one decrypt-only. Nothing under the old key is rewritten.
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
        }.WithConfirmation();
        command.SetAction((parseResult, cancellationToken) => CliVerb.RunAsync(
            parseResult,
            async token =>
            {
                if (!DataKeyPurposeLabels.TryParse(parseResult.GetValue(purpose), out var chosen))
                {
                    throw CliRefusalException.Usage($"--purpose must be {DataKeyPurposeLabels.PersonKeyWrapping}, {DataKeyPurposeLabels.BlindIndex} or {DataKeyPurposeLabels.TokenSigning}.");
                }

                await CliConfirmation.RequireAsync(parseResult, $"Rotate the {parseResult.GetValue(purpose)} data key: a new key becomes active and the current one decrypt-only.", token);
                var result = await CliVerb.InHostAsync(
                    buildHost,
                    (services, step) => services.GetRequiredService<DataKeyRotation>().RotateAsync(OperationActor.Cli(), chosen, step),
                    token);
                return new CliResult(
                    $"Created data key {result.NewKeyId} ({result.Purpose}), active now; {result.PreviousKeyId} is decrypt-only. Running gateways switch within DataProtection:RefreshInterval.",
                    new { purpose = result.Purpose, newKeyId = result.NewKeyId, previousKeyId = result.PreviousKeyId, masterKeyId = result.MasterKeyId });
            },
            cancellationToken));
        return command;
    }
}
