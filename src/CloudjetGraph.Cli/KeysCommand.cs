using System.CommandLine;

namespace CloudjetGraph.Cli;

/// <summary><c>keys &lt;verb&gt;</c>: the key custodian's verbs, one class per verb, each added here.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var keys = new Command("keys", "Key custodian verbs: create and look after the key ring and the data keys.");
        keys.Subcommands.Add(KeysInitCommand.Create());
        keys.Subcommands.Add(KeysCertificateCommand.Create());
        return keys;
    }
}
