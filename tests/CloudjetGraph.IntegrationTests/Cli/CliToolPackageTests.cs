using System.Diagnostics;
using System.Text.Json.Nodes;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// The custodian tool as custodians install it: packed (<c>dotnet pack</c>), installed from the
/// packed folder (<c>dotnet tool install</c>), and run as <c>cloudjet keys …</c> from any directory,
/// with its settings in the environment, as the runbook writes it.
/// </summary>
public sealed class CliToolPackageTests
{
    [Fact]
    public async Task Custodian_InstallsThePackedTool_RunsKeysListAsTheRunbookWritesIt()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var folder = Path.Combine(host.DataDirectory, "tool");
        var project = Path.Combine(RepositoryRoot.Path, "src", "CloudjetGraph.Cli", "CloudjetGraph.Cli.csproj");

        var (packed, packOutput) = await RunAsync("dotnet", RepositoryRoot.Path, new Dictionary<string, string>(), "pack", project, "--no-build", "-c", ProjectProcess.Configuration, "-o", Path.Combine(folder, "packages"));
        Assert.True(packed == 0, packOutput);
        var (installed, installOutput) = await RunAsync(
            "dotnet", folder, new Dictionary<string, string>(), "tool", "install", "CloudjetGraph.Cli", "--tool-path", Path.Combine(folder, "tools"), "--add-source", Path.Combine(folder, "packages"), "--version", "1.0.0");
        Assert.True(installed == 0, installOutput);

        // Run where the gateway is deployed: the tool reads the same appsettings.json (the field
        // matrix, the ring path) from its working directory, and the environment on top.
        var deployment = Path.Combine(folder, "deployment");
        Directory.CreateDirectory(deployment);
        File.Copy(Path.Combine(RepositoryRoot.Path, "src", "CloudjetGraph.Api", "appsettings.json"), Path.Combine(deployment, "appsettings.json"));
        var (exitCode, output) = await RunAsync(Path.Combine(folder, "tools", "cloudjet"), deployment, CliProcess.EnvironmentOf(host), "keys", "list", "--json");

        Assert.True(exitCode == 0, output);
        var census = JsonNode.Parse(output)!;
        Assert.Equal(CensusJson.ActiveKeyId(await Custodian.ListAsync(Custodian.DevelopmentSettingsOf(host)), "person-keys"), CensusJson.ActiveKeyId(census, "person-keys"));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        Directory.CreateDirectory(workingDirectory);
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var error = await stderr;
        return (process.ExitCode, await stdout + (error.Length > 0 ? Environment.NewLine + error : string.Empty));
    }
}
