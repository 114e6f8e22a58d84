using System.CommandLine;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys show ID [--json]</c>: one master or data key as <c>keys list</c> shows it (state,
/// purpose, dates, census), read by the same <see cref="KeyCensus"/>. An id that names no key exits
/// <see cref="CliExitCodes.Error"/> with <c>KEY_NOT_FOUND</c>.
/// </summary>
internal static class KeysShowCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var id = new Argument<Guid>("id") { Description = "A master (ring) key's or a data key's id, as `keys list` shows it." };
        var command = new Command("show", "Show one master or data key: its state, purpose, dates and the census of what it protects.") { id };
        command.SetAction((parseResult, cancellationToken) => CliVerb.RunInHostAsync(
            parseResult,
            buildHost,
            (services, token) => services.GetRequiredService<KeyCensus>().ReadAsync(token),
            inventory => Describe(parseResult.InvocationConfiguration.Output, inventory, parseResult.GetValue(id)),
            cancellationToken));
        return command;
    }

    private static CliResult Describe(TextWriter target, KeyInventory inventory, Guid id)
    {
        if (inventory.MasterKeys.SingleOrDefault(key => key.Id == id) is { } masterKey)
        {
            return new CliResult(
                CliTables.Render(target, console => console.Write(KeyInventoryTables.MasterKeys([masterKey]))),
                new { kind = "master", masterKey });
        }

        if (inventory.DataKeys.SingleOrDefault(key => key.Id == id) is { } dataKey)
        {
            return new CliResult(
                CliTables.Render(target, console => console.Write(KeyInventoryTables.DataKeys([dataKey]))),
                new { kind = "data", dataKey });
        }

        throw new DomainException(ErrorCodes.KeyNotFound, $"No master key or data key has id {id}; `keys list` shows every key.");
    }
}
