using System.CommandLine;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys pkcs11 create-key</c>: makes the non-extractable AES-256 key <c>DataProtection:Pkcs11:KeyLabel</c>
/// in the configured token, once; a key with that label already there is never replaced, as it may
/// protect a ring. The PIN comes from <c>DataProtection__Pkcs11__Pin</c>.
/// </summary>
internal static class Pkcs11CreateKeyCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var command = new Command("create-key", "Create the non-extractable AES-256 ring key in the PKCS#11 token (DataProtection:Pkcs11:KeyLabel); never replaces one.");
        command.SetAction((parseResult, cancellationToken) => CliVerb.RunAsync(
            parseResult,
            token =>
            {
                using var host = buildHost();
                host.Services.GetService<IStartupValidator>()?.Validate();
                var ringToken = host.Services.GetRequiredService<RingToken>();
                ringToken.CreateKey();
                return Task.FromResult(new CliResult(
                    $"Created the AES-256 key '{ringToken.KeyLabel}' in the token (never extractable). New ring keys are protected by it; move an existing ring with `keys rotate-master`.",
                    new { keyLabel = ringToken.KeyLabel }));
            },
            cancellationToken));
        return command;
    }
}
