using System.CommandLine;
using System.Data.Common;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys list [--json]</c>: every master and data key and what each protects, read from key rows
/// and headers (<see cref="KeyCensus"/>). It decrypts nothing and creates nothing: on a missing
/// ring or database it explains and exits with <see cref="CliExitCodes.Error"/>.
/// </summary>
internal static class KeysListCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var jsonOption = new Option<bool>("--json") { Description = "Print JSON (top-level masterKeys, dataKeys and unattributed) instead of tables." };
        var command = new Command("list", "List master keys, data keys and the census of what each protects.") { jsonOption };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            KeyInventory inventory;
            try
            {
                using var host = buildHost();

                // The same settings checks as the gateway's startup, before anything is read.
                host.Services.GetService<IStartupValidator>()?.Validate();
                await using var scope = host.Services.CreateAsyncScope();
                inventory = await scope.ServiceProvider.GetRequiredService<KeyCensus>().ReadAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is OptionsValidationException or KeyRingUnavailableException or DbException)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"keys list: {exception.Message}");
                return CliExitCodes.Error;
            }

            if (parseResult.GetValue(jsonOption))
            {
                await KeyInventoryJson.WriteAsync(output, inventory, cancellationToken);
            }
            else
            {
                KeyInventoryTables.Write(output, inventory);
            }

            return CliExitCodes.Done;
        });
        return command;
    }
}
