using System.CommandLine;
using System.Data.Common;
using CloudjetGraph.Core;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys revoke-master ID [--force]</c>: revokes a ring key, refused while <c>keys list</c>'s
/// census shows data keys under it, since they could no longer be unwrapped. Recorded, refusals
/// included, as the operating system user's <c>keys.revoke-master</c>.
/// </summary>
internal static class KeysRevokeMasterCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var id = new Argument<Guid>("id") { Description = "The ring key's id, as `keys list` shows it." };
        var force = new Option<bool>("--force") { Description = "Revoke even though data keys are still under it: they become unreadable." };
        var command = new Command("revoke-master", "Revoke a ring key that no data key depends on any more.") { id, force };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var masterKeyId = parseResult.GetValue(id);
            int stillUnder;
            try
            {
                using var host = buildHost();
                host.Services.GetService<IStartupValidator>()?.Validate();
                await using var scope = host.Services.CreateAsyncScope();
                stillUnder = await scope.ServiceProvider.GetRequiredService<MasterKeyRotation>().RevokeAsync(OperationActor.Cli(), masterKeyId, parseResult.GetValue(force), cancellationToken);
            }
            catch (Exception exception) when (exception is OptionsValidationException or KeyRingUnavailableException or DomainException or DbException)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"keys revoke-master: {exception.Message}");
                return CliExitCodes.Error;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync(
                $"Revoked ring key {masterKeyId}" + (stillUnder > 0 ? $"; {stillUnder} data key(s) under it can no longer be unwrapped." : "; no data key was under it."));
            return CliExitCodes.Done;
        });
        return command;
    }
}
