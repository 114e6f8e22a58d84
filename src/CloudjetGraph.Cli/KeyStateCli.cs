using System.CommandLine;
using System.Globalization;
using CloudjetGraph.Core.Keys.Lifecycle;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary>
/// What the data key state verbs share (<c>disable</c>, <c>enable</c>, <c>schedule-destroy</c>,
/// <c>cancel-destroy</c>, <c>destroy-data</c>): the id argument, the confirmation, and one step in
/// a validated host whose refusals <see cref="CliFailure"/> tells apart (a guard's exits
/// <see cref="CliExitCodes.RefusedByGuard"/>).
/// </summary>
internal static class KeyStateCli
{
    public static Argument<Guid> IdArgument() => new("id") { Description = "The data key's id, as `keys list` shows it." };

    /// <summary>Confirms <paramref name="what"/>, then runs <paramref name="step"/> on the key and prints the change.</summary>
    public static async Task<int> RunAsync(
        ParseResult parseResult,
        Func<IHost> buildHost,
        string what,
        Func<IServiceProvider, CancellationToken, Task<DataKeyStateChange>> step,
        CancellationToken cancellationToken) =>
        await CliVerb.RunAsync(
            parseResult,
            async token =>
            {
                await CliConfirmation.RequireAsync(parseResult, what, token);
                return Describe(await CliVerb.InHostAsync(buildHost, step, token));
            },
            cancellationToken);

    /// <summary>What a reversible step prints.</summary>
    public static CliResult Describe(DataKeyStateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var text = $"Data key {change.Id} ({change.Purpose}) is {change.State}"
            + (change.DestroyAfter is { } after ? $"; `keys destroy-data` may destroy it from {after.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z." : ".")
            + " Running gateways follow within DataProtection:RefreshInterval.";
        return new CliResult(text, new { id = change.Id, purpose = change.Purpose, state = change.State, destroyAfter = change.DestroyAfter?.ToUniversalTime() });
    }
}
