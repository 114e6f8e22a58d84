using System.CommandLine;
using CloudjetGraph.Core;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys init</c>: creates the first ring key (certificate-protected when one is set) and the
/// data keys on an empty database and an empty ring folder. Outside Development this is the only
/// way a ring begins: the gateway never creates one there. Recorded as the operating system
/// user's <c>keys.init</c>.
/// </summary>
internal static class KeysInitCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var command = new Command("init", "Create the key ring and the data keys for an empty database, with the gateway's settings and checks.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = buildHost();
            return await RunAsync(host, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    /// <summary>Runs the verb on <paramref name="host"/>'s settings; 0 when the ring was created, 1 when refused.</summary>
    public static async Task<int> RunAsync(IHost host, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            await host.Services.InitializeKeyRingAsync(OperationActor.Cli(), cancellationToken);
        }
        catch (KeyRingUnavailableException exception)
        {
            await error.WriteLineAsync($"keys init: {exception.Message}");
            return 1;
        }
        catch (OptionsValidationException exception)
        {
            await error.WriteLineAsync($"keys init: {string.Join("; ", exception.Failures)}");
            return 1;
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            // Several settings are wrong at once: name them all, as the gateway does.
            var failures = exception.InnerExceptions.Cast<OptionsValidationException>().SelectMany(invalid => invalid.Failures);
            await error.WriteLineAsync($"keys init: {string.Join("; ", failures)}");
            return 1;
        }

        var settings = host.Services.GetRequiredService<IOptions<ProtectionOptions>>().Value;
        var certificate = host.Services.GetRequiredService<KeyRingCertificate>().Certificate;
        await output.WriteLineAsync(
            $"Created the key ring at {Path.GetFullPath(settings.KeyRingPath)} and its data keys; ring keys are "
            + (certificate is null ? "stored in clear." : $"encrypted with certificate {certificate.Thumbprint}."));
        return 0;
    }
}
