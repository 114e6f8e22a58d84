using System.CommandLine;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys sign-ring [--key ID]...</c>: the one-off migration of a certificate-protected ring
/// written before ring keys were signed (<see cref="RingSigning"/>). Without <c>--key</c> it lists
/// the files the gateway refuses; with it, signs the named keys' files. Only a custodian who holds
/// the certificate's private key can run it, and only after checking that each key is the ring's
/// own (<c>keys list</c>: the key that wraps the data keys, created when the ring was), since a
/// signed key is trusted.
/// </summary>
internal static class KeysSignRingCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var keyOption = new Option<Guid[]>("--key")
        {
            Description = "A ring key id to sign (repeatable); only keys you know a custodian created. Without it, list what is unsigned.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("sign-ring", "List the ring files the certificate does not authenticate, or sign the named keys' files (a ring written before ring keys were signed).") { keyOption };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                using var host = buildHost();
                host.Services.GetService<IStartupValidator>()?.Validate();
                var signing = host.Services.GetRequiredService<RingSigning>();
                var keyIds = parseResult.GetValue(keyOption) ?? [];
                if (keyIds.Length == 0)
                {
                    var pending = signing.Pending();
                    foreach (var element in pending)
                    {
                        await output.WriteLineAsync($"Unauthenticated: {element.Describe()}.");
                    }

                    await output.WriteLineAsync(pending.Count == 0
                        ? "Every ring file is signed by the ring certificate."
                        : "Sign only keys a custodian created (see `keys list`): keys sign-ring --key ID. Remove any other file.");
                    return CliExitCodes.Done;
                }

                foreach (var keyId in keyIds)
                {
                    foreach (var element in signing.Sign(keyId))
                    {
                        await output.WriteLineAsync($"Signed {element.Kind} {element.KeyId} ({element.FileName}).");
                    }
                }

                return CliExitCodes.Done;
            }
            catch (Exception exception) when (exception is OptionsValidationException or KeyRingUnavailableException)
            {
                await error.WriteLineAsync($"keys sign-ring: {exception.Message}");
                return CliExitCodes.Error;
            }
        });
        return command;
    }
}
