extern alias cli;

using System.CommandLine;
using cli::CloudjetGraph.Cli;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>The custodian tool's verbs, called in process as its entry point calls them.</summary>
public static class Custodian
{
    /// <summary>Parses and runs <c>cloudjet ARGS</c>'s <c>keys</c> verbs, returning the exit code and both outputs.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> KeysAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await KeysCommand.Create(() => CliHost.Build()).Parse(arguments).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>
    /// <c>keys certificate create</c> into <paramref name="path"/>, its password passed through a
    /// variable of this process named for the call; asserts that it succeeded.
    /// </summary>
    public static async Task CreateCertificateAsync(string path, string password)
    {
        var variable = $"CLOUDJET_TEST_PFX_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, password);
        try
        {
            var (exitCode, _, error) = await KeysAsync("certificate", "create", "--out", path, "--password-env", variable);
            Assert.True(exitCode == 0, error);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    /// <summary><c>keys init</c> on a data directory laid out like <see cref="CloudjetApplication"/>'s, with these settings.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> InitAsync(string dataDirectory, string environment, params (string Key, string Value)[] settings)
    {
        string[] arguments =
        [
            $"--environment={environment}",
            $"--ConnectionStrings:Cloudjet=Data Source={Path.Combine(dataDirectory, "cloudjet.db")}",
            $"--DataProtection:KeyRingPath={Path.Combine(dataDirectory, "keys")}",
            .. settings.Select(setting => $"--{setting.Key}={setting.Value}"),
        ];
        using var host = CliHost.Build(arguments);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await KeysInitCommand.RunAsync(host, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
