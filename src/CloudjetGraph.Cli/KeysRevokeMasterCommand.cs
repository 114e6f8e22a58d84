using System.CommandLine;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys revoke-master ID [--force] [--yes]</c>: revokes a ring key, refused (<c>KEY_IN_USE</c>,
/// exit 7) while <c>keys list</c>'s census shows data keys under it, since they could no longer be
/// unwrapped. Recorded, refusals included, as the operating system user's <c>keys.revoke-master</c>.
/// </summary>
internal static class KeysRevokeMasterCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var id = new Argument<Guid>("id") { Description = "The ring key's id, as `keys list` shows it." };
        var force = new Option<bool>("--force") { Description = "Revoke even though data keys are still under it: they become unreadable." };
        var command = new Command("revoke-master", "Revoke a ring key that no data key depends on any more.") { id, force }.WithConfirmation();
        command.SetAction((parseResult, cancellationToken) => CliVerb.RunAsync(
            parseResult,
            async token =>
            {
                var masterKeyId = parseResult.GetValue(id);
                var forced = parseResult.GetValue(force);
                await CliConfirmation.RequireAsync(
                    parseResult,
                    $"Revoke ring key {masterKeyId}: nothing is ever wrapped or unwrapped with it again" + (forced ? ", even the data keys still under it." : "."),
                    token);
                var stillUnder = await CliVerb.InHostAsync(
                    buildHost,
                    (services, step) => services.GetRequiredService<MasterKeyRotation>().RevokeAsync(OperationActor.Cli(), masterKeyId, forced, step),
                    token);
                return new CliResult(
                    $"Revoked ring key {masterKeyId}" + (stillUnder > 0 ? $"; {stillUnder} data key(s) under it can no longer be unwrapped." : "; no data key was under it."),
                    new { id = masterKeyId, revoked = true, dataKeysStillUnder = stillUnder });
            },
            cancellationToken));
        return command;
    }
}
