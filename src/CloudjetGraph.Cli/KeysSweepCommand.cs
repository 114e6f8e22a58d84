using System.CommandLine;
using System.Data.Common;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys sweep [--dry-run]</c>: deletes person keys whose profile is gone, once they are older
/// than <see cref="PersonKeySweep.MinimumAge"/>; only on a proven database pair.
/// </summary>
internal static class KeysSweepCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Count the keys whose profile is gone and delete nothing." };
        var command = new Command("sweep", "Delete person keys whose profile is gone (left by an erasure that raced a rekey); `keys list` counts them as personKeysWithoutValues.") { dryRun };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var dry = parseResult.GetValue(dryRun);
            PersonKeySweepResult result;
            try
            {
                using var host = buildHost();

                // The same settings checks as the gateway's startup, before anything is read or written.
                host.Services.GetService<IStartupValidator>()?.Validate();
                await using var scope = host.Services.CreateAsyncScope();
                result = await scope.ServiceProvider.GetRequiredService<PersonKeySweep>().SweepAsync(OperationActor.Cli(), dry, cancellationToken);
            }
            catch (Exception exception) when (exception is OptionsValidationException or DbException || exception.GetType() == typeof(KeyRingUnavailableException))
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"keys sweep: {exception.Message}");
                return CliExitCodes.Error;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync(dry
                ? $"keys sweep (dry run, nothing written): {result.Examined} key row(s) examined, {result.Orphans} whose profile is gone."
                : $"keys sweep: {result.Examined} key row(s) examined, {result.Removed} whose profile is gone removed.");
            return CliExitCodes.Done;
        });
        return command;
    }
}
