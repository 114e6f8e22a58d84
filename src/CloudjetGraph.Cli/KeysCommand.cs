using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary><c>keys &lt;verb&gt;</c>: the key custodians' verbs, one class per verb, each added here. None reads personal data.</summary>
internal static class KeysCommand
{
    /// <summary>Builds the command; <paramref name="buildHost"/> gives each verb the gateway's services and settings.</summary>
    public static Command Create(Func<IHost> buildHost)
    {
        var keys = new Command("keys", "Key custodians: create, see and look after the key ring and the data keys; never reads personal data.");
        keys.Subcommands.Add(KeysListCommand.Create(buildHost));
        keys.Subcommands.Add(KeysShowCommand.Create(buildHost));
        keys.Subcommands.Add(KeysJobsCommand.Create(buildHost));
        keys.Subcommands.Add(KeysHistoryCommand.Create(buildHost));
        keys.Subcommands.Add(KeysInitCommand.Create(buildHost));
        keys.Subcommands.Add(KeysCertificateCommand.Create());
        keys.Subcommands.Add(KeysPkcs11Command.Create(buildHost));
        keys.Subcommands.Add(KeysRotateMasterCommand.Create(buildHost));
        keys.Subcommands.Add(KeysRevokeMasterCommand.Create(buildHost));
        keys.Subcommands.Add(KeysSignRingCommand.Create(buildHost));
        keys.Subcommands.Add(KeysRotateDataCommand.Create(buildHost));
        keys.Subcommands.Add(KeysDisableCommand.Create(buildHost));
        keys.Subcommands.Add(KeysEnableCommand.Create(buildHost));
        keys.Subcommands.Add(KeysScheduleDestroyCommand.Create(buildHost));
        keys.Subcommands.Add(KeysCancelDestroyCommand.Create(buildHost));
        keys.Subcommands.Add(KeysDestroyDataCommand.Create(buildHost));
        keys.Subcommands.Add(KeysRewrapCommand.Create(buildHost));
        keys.Subcommands.Add(KeysRekeyCommand.Create(buildHost));
        keys.Subcommands.Add(KeysReindexCommand.Create(buildHost));
        keys.Subcommands.Add(KeysSweepCommand.Create(buildHost));

        // `keys certificate create` touches no database; every other verb first proves its key store.
        foreach (var verb in keys.Subcommands.Where(verb => verb.Name != "certificate"))
        {
            StorePairingGuard.Guard(verb, buildHost);
        }

        return CliOutput.WithJsonOnEveryVerb(keys);
    }
}
