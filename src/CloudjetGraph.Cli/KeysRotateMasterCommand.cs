using System.CommandLine;
using System.Data.Common;
using CloudjetGraph.Core;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys rotate-master [--activate-in TIMESPAN] [--rewrap-only]</c>: a new ring key, then every
/// data key re-wrapped under it. Data Protection protects with its default key only, so the re-wrap
/// runs at once when the key is active now, and otherwise by a later <c>--rewrap-only</c> run after
/// its activation. Only data key rows change. The staging and the re-wrap are recorded as two
/// operations of the operating system user.
/// </summary>
internal static class KeysRotateMasterCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var activateIn = new Option<TimeSpan>("--activate-in")
        {
            Description = "Delay before the new ring key becomes the default (pre-staging); with several gateways, at least their ring refresh interval. Default 0.",
            DefaultValueFactory = _ => TimeSpan.Zero,
        };
        var rewrapOnly = new Option<bool>("--rewrap-only") { Description = "Create no ring key; re-wrap the data keys under the current default key (after a pre-staged key's activation)." };
        var command = new Command("rotate-master", "Create a new ring key and re-wrap every data key under it; no profile or person key row changes.") { activateIn, rewrapOnly };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var delay = parseResult.GetValue(activateIn);
            if (delay < TimeSpan.Zero)
            {
                await error.WriteLineAsync("keys rotate-master: --activate-in must not be negative.");
                return CliExitCodes.Error;
            }

            try
            {
                if (!parseResult.GetValue(rewrapOnly))
                {
                    var staged = await RunAsync(buildHost, (rotation, token) => rotation.StageKeyAsync(OperationActor.Cli(), delay, token), cancellationToken);
                    await output.WriteLineAsync($"Created ring key {staged.KeyId}, active from {staged.ActivationDate:O}.");
                    if (delay > TimeSpan.Zero)
                    {
                        await output.WriteLineAsync("The data keys stay where they are until then; after that time run `keys rotate-master --rewrap-only`.");
                        return CliExitCodes.Done;
                    }
                }

                // A new host reads the ring afresh, so its default key is the one just created.
                var result = await RunAsync(buildHost, (rotation, token) => rotation.RewrapDataKeysAsync(OperationActor.Cli(), token), cancellationToken);
                await output.WriteLineAsync(
                    $"Re-wrapped {result.Rewrapped} data key(s) under ring key {result.DefaultKeyId}; {result.AlreadyUnder} already under it, {result.ChangedConcurrently} changed concurrently (run again).");
                return CliExitCodes.Done;
            }
            catch (Exception exception) when (exception is OptionsValidationException or KeyRingUnavailableException or DbException)
            {
                await error.WriteLineAsync($"keys rotate-master: {exception.Message}");
                return CliExitCodes.Error;
            }
        });
        return command;
    }

    private static async Task<T> RunAsync<T>(Func<IHost> buildHost, Func<MasterKeyRotation, CancellationToken, Task<T>> step, CancellationToken cancellationToken)
    {
        using var host = buildHost();

        // The same settings checks as the gateway's startup, before anything is read or written.
        host.Services.GetService<IStartupValidator>()?.Validate();
        await using var scope = host.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<MasterKeyRotation>(), cancellationToken);
    }
}
