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
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                using var host = buildHost();
                host.Services.GetService<IStartupValidator>()?.Validate();
                var token = host.Services.GetRequiredService<RingToken>();
                token.CreateKey();
                await parseResult.InvocationConfiguration.Output.WriteLineAsync(
                    $"Created the AES-256 key '{token.KeyLabel}' in the token (never extractable). New ring keys are protected by it; move an existing ring with `keys rotate-master`.");
                return CliExitCodes.Done;
            }
            catch (Exception exception) when (exception is OptionsValidationException or KeyRingUnavailableException)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"keys pkcs11 create-key: {exception.Message}");
                return CliExitCodes.Error;
            }
        });
        return command;
    }
}
