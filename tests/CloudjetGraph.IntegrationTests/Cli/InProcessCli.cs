extern alias cli;

using System.CommandLine;
using cli::CloudjetGraph.Cli;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>Runs the Cli's <c>keys</c> commands in this process, with the given settings over the usual ones and stdout and stderr captured.</summary>
public static class InProcessCli
{
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> KeysAsync(
        IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        var root = new RootCommand();
        root.Subcommands.Add(KeysCommand.Create(() => CliHost.Build([.. settings.Select(setting => $"--{setting.Key}={setting.Value}")])));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await root.Parse(["keys", .. arguments]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The settings that point the Cli at a test host's database and key ring.</summary>
    public static Dictionary<string, string?> SettingsOf(CloudjetApplication host) => SettingsOf(host.DatabasePath, host.KeyRingPath);

    /// <summary>The settings that point the Cli at this database and key ring.</summary>
    public static Dictionary<string, string?> SettingsOf(string databasePath, string keyRingPath) => new()
    {
        ["ConnectionStrings:Cloudjet"] = $"Data Source={databasePath}",
        ["DataProtection:KeyRingPath"] = keyRingPath,
    };
}
