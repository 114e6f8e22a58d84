using System.CommandLine;
using CloudjetGraph.Core;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys init</c>: creates the first ring key (certificate-protected when one is set) and the
/// data keys on an empty database and an empty ring folder. Outside Development this is the only
/// way a ring begins: the gateway never creates one there. Recorded as the operating system
/// user's <c>keys.init</c>. A bad setting (several are named at once, as the gateway does) or a
/// ring that exists already exits 1.
/// </summary>
internal static class KeysInitCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var command = new Command("init", "Create the key ring and the data keys for an empty database, with the gateway's settings and checks.");
        command.SetAction((parseResult, cancellationToken) => CliVerb.RunAsync(
            parseResult,
            async token =>
            {
                using var host = buildHost();

                // InitializeKeyRingAsync runs the gateway's settings checks itself, before it creates anything.
                await host.Services.InitializeKeyRingAsync(OperationActor.Cli(), token);
                var settings = host.Services.GetRequiredService<IOptions<ProtectionOptions>>().Value;
                var certificate = host.Services.GetRequiredService<KeyRingCertificate>().Certificate;
                var ringPath = Path.GetFullPath(settings.KeyRingPath);
                return new CliResult(
                    $"Created the key ring at {ringPath} and its data keys; ring keys are "
                    + (certificate is null ? "stored in clear." : $"encrypted with certificate {certificate.Thumbprint}."),
                    new { keyRingPath = ringPath, certificateThumbprint = certificate?.Thumbprint });
            },
            cancellationToken));
        return command;
    }
}
