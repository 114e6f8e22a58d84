using System.CommandLine;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary>
/// How every <c>keys</c> and <c>audit</c> verb runs: its work in a host checked like the gateway's
/// startup, its result or failure written by <see cref="CliOutput"/>, one exit code for both forms.
/// </summary>
internal static class CliVerb
{
    /// <summary>Runs <paramref name="work"/> and writes what it returns or why it failed (<see cref="CliFailure.From"/>).</summary>
    public static async Task<int> RunAsync(ParseResult parseResult, Func<CancellationToken, Task<CliResult>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(work);
        CliResult result;
        try
        {
            result = await work(cancellationToken);
        }
        catch (Exception exception) when (CliFailure.From(exception) is { } failure)
        {
            return await CliOutput.WriteAsync(parseResult, failure);
        }

        await CliOutput.WriteAsync(parseResult, result);
        return result.ExitCode;
    }

    /// <summary>Runs <paramref name="step"/> in a scope of a new host, after the same settings checks as the gateway's startup.</summary>
    public static async Task<T> InHostAsync<T>(Func<IHost> buildHost, Func<IServiceProvider, CancellationToken, Task<T>> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buildHost);
        ArgumentNullException.ThrowIfNull(step);
        using var host = buildHost();
        host.Services.GetService<IStartupValidator>()?.Validate();
        await using var scope = host.Services.CreateAsyncScope();
        return await step(scope.ServiceProvider, cancellationToken);
    }

    /// <summary><see cref="RunAsync"/> of one step in a host (<see cref="InHostAsync"/>), described by <paramref name="describe"/>.</summary>
    public static Task<int> RunInHostAsync<T>(
        ParseResult parseResult,
        Func<IHost> buildHost,
        Func<IServiceProvider, CancellationToken, Task<T>> step,
        Func<T, CliResult> describe,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(describe);
        return RunAsync(parseResult, async token => describe(await InHostAsync(buildHost, step, token)), cancellationToken);
    }
}
