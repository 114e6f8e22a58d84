using System.CommandLine;
using System.CommandLine.Invocation;
using System.Data.Common;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.KeyStore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Cli;

/// <summary>
/// Runs <see cref="KeyStorePairing.VerifyAsync"/> before a verb: a key store that is missing,
/// empty or another database's stops every verb with <see cref="CliExitCodes.StoreMismatch"/>
/// before it reads, writes or creates anything. Other failures of the check (a bad setting, a
/// missing ring) are left to the verb, which reports them as it always has.
/// </summary>
internal sealed class StorePairingGuard(AsynchronousCommandLineAction verb, Func<IHost> buildHost) : AsynchronousCommandLineAction
{
    /// <summary>Puts the guard in front of every verb below <paramref name="command"/>.</summary>
    public static Command Guard(Command command, Func<IHost> buildHost)
    {
        foreach (var subcommand in command.Subcommands)
        {
            Guard(subcommand, buildHost);
        }

        if (command.Action is AsynchronousCommandLineAction verb)
        {
            command.Action = new StorePairingGuard(verb, buildHost);
        }

        return command;
    }

    public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        try
        {
            await VerifyAsync(cancellationToken);
            return await verb.InvokeAsync(parseResult, cancellationToken);
        }
        catch (KeyStoreMismatchException exception)
        {
            return await CliOutput.WriteAsync(parseResult, CliFailure.From(exception)!);
        }
    }

    private async Task VerifyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var host = buildHost();
            host.Services.GetService<IStartupValidator>()?.Validate();
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<KeyStorePairing>().VerifyAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is OptionsValidationException or DbException || exception.GetType() == typeof(KeyRingUnavailableException))
        {
            // The verb meets the same failure and reports it in its own words and exit code.
        }
    }
}
