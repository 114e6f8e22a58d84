extern alias cli;

using System.CommandLine;
using System.Text.Json.Nodes;
using cli::CloudjetGraph.Cli;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>The custodian tool's verbs, called in process as its entry point calls them.</summary>
public static class Custodian
{
    /// <summary>Parses and runs <c>cloudjet keys ARGS</c> on the usual settings, returning the exit code and both outputs.</summary>
    public static Task<(int ExitCode, string Output, string Error)> KeysAsync(params string[] arguments) =>
        KeysAsync(new Dictionary<string, string?>(), arguments);

    /// <summary>Parses and runs <c>cloudjet keys ARGS</c> with <paramref name="settings"/> over the usual ones (<c>environment</c> included).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> KeysAsync(IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        var keys = KeysCommand.Create(() => CliHost.Build([.. settings.Select(setting => $"--{setting.Key}={setting.Value}")]));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliInvocation.InvokeAsync(keys, arguments, new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Parses and runs <c>cloudjet audit ARGS</c> with <paramref name="settings"/>, returning the exit code and both outputs.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> AuditAsync(IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        var audit = AuditCommand.Create(() => CliHost.Build([.. settings.Select(setting => $"--{setting.Key}={setting.Value}")]));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliInvocation.InvokeAsync(audit, arguments, new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Parses and runs <c>cloudjet retention ARGS</c> with <paramref name="settings"/>, returning the exit code and both outputs.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RetentionAsync(IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        var retention = RetentionCommand.Create(() => CliHost.Build([.. settings.Select(setting => $"--{setting.Key}={setting.Value}")]));
        return await InvokeAsync(retention, arguments);
    }

    /// <summary>Parses and runs <c>cloudjet token ARGS</c> with <paramref name="settings"/>, returning the exit code and both outputs.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> TokenAsync(IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        var token = TokenCommand.Create(() => CliHost.Build([.. settings.Select(setting => $"--{setting.Key}={setting.Value}")]));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliInvocation.InvokeAsync(token, arguments, new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The settings that point the Cli at a test host's database and key ring.</summary>
    public static Dictionary<string, string?> SettingsOf(CloudjetApplication host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var settings = host.DatabaseSettings();
        settings["DataProtection:KeyRingPath"] = host.KeyRingPath;
        return settings;
    }

    /// <summary>A development host's settings, with the tool in Development as a development ring requires for changes.</summary>
    public static Dictionary<string, string?> DevelopmentSettingsOf(CloudjetApplication host)
    {
        var settings = SettingsOf(host);
        settings["environment"] = "Development";
        return settings;
    }

    /// <summary><c>keys list --json</c>, asserted to succeed.</summary>
    public static async Task<JsonNode> ListAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var (exitCode, output, error) = await KeysAsync(settings, "list", "--json");
        Assert.True(exitCode == 0, error);
        return JsonNode.Parse(output)!;
    }

    /// <summary><c>keys rotate-data --purpose PURPOSE</c>, asserted to succeed; the new key's id.</summary>
    public static async Task<Guid> RotateDataAsync(IReadOnlyDictionary<string, string?> settings, string purpose)
    {
        var (exitCode, output, error) = await KeysAsync(settings, "rotate-data", "--yes", "--purpose", purpose);
        Assert.True(exitCode == 0, error);

        // "Created data key {id} (...": the id is the fourth word.
        return Guid.Parse(output.Split(' ')[3]);
    }

    /// <summary>
    /// A data key of <paramref name="purpose"/> that is decrypt-only and neither the active key nor
    /// the one startup made: two rotations, the first one's key.
    /// </summary>
    public static async Task<Guid> DecryptOnlyDataKeyAsync(IReadOnlyDictionary<string, string?> settings, string purpose)
    {
        var decryptOnly = await RotateDataAsync(settings, purpose);
        await RotateDataAsync(settings, purpose);
        return decryptOnly;
    }

    /// <summary>The settings that point the Cli at this database and key ring.</summary>
    /// <remarks>On a PostgreSQL run, the databases of the file's directory (<see cref="TestDatabase.SettingsFor"/>).</remarks>
    public static Dictionary<string, string?> SettingsOf(string databasePath, string keyRingPath)
    {
        ArgumentNullException.ThrowIfNull(databasePath);
        var settings = TestDatabase.IsPostgres
            ? TestDatabase.SettingsFor(Path.GetDirectoryName(databasePath)!)
            : new() { ["ConnectionStrings:Cloudjet"] = $"Data Source={databasePath}" };
        settings["DataProtection:KeyRingPath"] = keyRingPath;
        return settings;
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
    public static Task<(int ExitCode, string Output, string Error)> InitAsync(string dataDirectory, string environment, params (string Key, string Value)[] settings)
    {
        var all = SettingsOf(Path.Combine(dataDirectory, "cloudjet.db"), Path.Combine(dataDirectory, "keys"));
        all["environment"] = environment;
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return KeysAsync(all, "init");
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(Command command, string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliInvocation.InvokeAsync(command, arguments, new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
