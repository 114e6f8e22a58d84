using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary><c>keys</c>: the key custodians' commands; each verb is its own class and adds itself here.</summary>
internal static class KeysCommand
{
    /// <summary>Builds the command; <paramref name="buildHost"/> gives each verb the gateway's services and settings.</summary>
    public static Command Create(Func<IHost> buildHost)
    {
        var command = new Command("keys", "Key custodians: see and manage the keys; never reads personal data.");
        command.Subcommands.Add(KeysListCommand.Create(buildHost));
        return command;
    }
}
