using System.CommandLine;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.KeyStore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
        command.SetAction((parseResult, cancellationToken) =>
        {
            var dry = parseResult.GetValue(dryRun);
            return CliVerb.RunInHostAsync(
                parseResult,
                buildHost,
                (services, token) => services.GetRequiredService<PersonKeySweep>().SweepAsync(OperationActor.Cli(), dry, token),
                result => new CliResult(
                    dry
                        ? $"keys sweep (dry run, nothing written): {result.Examined} key row(s) examined, {result.Orphans} whose profile is gone."
                        : $"keys sweep: {result.Examined} key row(s) examined, {result.Removed} whose profile is gone removed.",
                    new { dryRun = dry, examined = result.Examined, orphans = result.Orphans, removed = result.Removed }),
                cancellationToken);
        });
        return command;
    }
}
