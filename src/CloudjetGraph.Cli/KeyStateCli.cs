using System.Globalization;
using System.CommandLine;
using System.Data.Common;
using CloudjetGraph.Core;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Keys.Lifecycle;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Cli;

/// <summary>
/// What the data key state verbs share (<c>disable</c>, <c>enable</c>, <c>schedule-destroy</c>,
/// <c>cancel-destroy</c>, <c>destroy-data</c>): the id argument, running one step in a validated
/// host, and telling a guard's refusal (<see cref="CliExitCodes.RefusedByGuard"/>) from an error.
/// </summary>
internal static class KeyStateCli
{
    // Refusals by a data key's state or a destruction guard: the key is fine, the step is not now.
    private static readonly HashSet<string> GuardCodes =
        [ErrorCodes.KeyTransitionRefused, ErrorCodes.KeyDestructionTooEarly, ErrorCodes.KeyUsedWhileScheduled, ErrorCodes.KeyInUse];

    public static Argument<Guid> IdArgument() => new("id") { Description = "The data key's id, as `keys list` shows it." };

    /// <summary>Runs <paramref name="step"/>, which returns the line to print; stderr gets <c>keys VERB: [CODE] why</c> on a refusal.</summary>
    public static async Task<int> RunAsync(
        ParseResult parseResult,
        string verb,
        Func<IHost> buildHost,
        Func<IServiceProvider, CancellationToken, Task<string>> step,
        CancellationToken cancellationToken)
    {
        string done;
        try
        {
            using var host = buildHost();

            // The same settings checks as the gateway's startup, before anything is read or written.
            host.Services.GetService<IStartupValidator>()?.Validate();
            await using var scope = host.Services.CreateAsyncScope();
            done = await step(scope.ServiceProvider, cancellationToken);
        }
        catch (DomainException refusal)
        {
            await parseResult.InvocationConfiguration.Error.WriteLineAsync($"keys {verb}: [{refusal.Code}] {refusal.Message}");
            return GuardCodes.Contains(refusal.Code) ? CliExitCodes.RefusedByGuard : CliExitCodes.Error;
        }
        catch (Exception exception) when (exception is OptionsValidationException or KeyRingUnavailableException or DbException)
        {
            await parseResult.InvocationConfiguration.Error.WriteLineAsync($"keys {verb}: {exception.Message}");
            return CliExitCodes.Error;
        }

        await parseResult.InvocationConfiguration.Output.WriteLineAsync(done);
        return CliExitCodes.Done;
    }

    /// <summary>The line a reversible step prints.</summary>
    public static string Describe(DataKeyStateChange change) =>
        $"Data key {change.Id} ({change.Purpose}) is {change.State}"
        + (change.DestroyAfter is { } after ? $"; `keys destroy-data` may destroy it from {after.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z." : ".")
        + " Running gateways follow within DataProtection:RefreshInterval.";
}
