using System.CommandLine;
using CloudjetGraph.Core.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
        var jsonOption = new Option<bool>(CliOutput.JsonOptionName) { Description = "Print JSON (top-level masterKeys, dataKeys and unattributed) instead of tables." };
        var command = new Command("list", "List master keys, data keys and the census of what each protects.") { jsonOption };
        command.SetAction((parseResult, cancellationToken) => CliVerb.RunInHostAsync(
            parseResult,
            buildHost,
            (services, token) => services.GetRequiredService<KeyCensus>().ReadAsync(token),
            inventory => new CliResult(KeyInventoryTables.Render(parseResult.InvocationConfiguration.Output, inventory), inventory),
            cancellationToken));
        return command;
    }
}
