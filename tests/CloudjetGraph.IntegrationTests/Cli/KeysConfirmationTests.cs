using System.Diagnostics;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// A verb that changes keys, run by a custodian at a terminal (a pseudo-terminal from util-linux
/// <c>script</c>): it names what will happen and runs only on <c>yes</c>; any other answer changes
/// nothing and exits 2.
/// </summary>
public sealed class KeysConfirmationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [TerminalFact]
    public async Task Custodian_AtATerminal_IsAskedAndOnlyYesDisables()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var old = await Custodian.DecryptOnlyDataKeyAsync(settings, "blind-index");
        var digest = await DatabaseDigest.OfAsync(host);

        var (declined, declinedOutput) = await AtTerminalAsync(host, "no", "keys", "disable", old.ToString());
        var declinedDigest = await DatabaseDigest.OfAsync(host);
        var (confirmed, confirmedOutput) = await AtTerminalAsync(host, "yes", "keys", "disable", old.ToString());

        Assert.True(declined == 2, declinedOutput);
        Assert.Contains($"Disable data key {old}: nothing under it opens until `keys enable`. Type yes to go on: ", declinedOutput, StringComparison.Ordinal);
        Assert.Contains("keys disable: Not confirmed; nothing was changed.", declinedOutput, StringComparison.Ordinal);
        Assert.Equal(digest, declinedDigest);
        Assert.True(confirmed == 0, confirmedOutput);
        Assert.Contains($"Data key {old} (blind-index) is disabled.", confirmedOutput, StringComparison.Ordinal);
        Assert.NotNull(host.WithDb(db => db.DataKeys.AsNoTracking().Single(k => k.Id == old)).DisabledAt);
    }

    // `script -qec CMD /dev/null` gives the tool a terminal for stdin and stdout, forwards what is
    // written to its own stdin, and exits with the tool's exit code.
    private static async Task<(int ExitCode, string Output)> AtTerminalAsync(CloudjetApplication host, string answer, params string[] arguments)
    {
        var start = new ProcessStartInfo(TerminalFactAttribute.Script)
        {
            WorkingDirectory = Path.Combine(RepositoryRoot.Path, "src", "CloudjetGraph.Api"),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-qec");
        start.ArgumentList.Add(string.Join(' ', new[] { "dotnet", ProjectProcess.CliAssembly }.Concat(arguments).Select(argument => $"'{argument}'")));
        start.ArgumentList.Add("/dev/null");
        foreach (var (key, value) in CliProcess.EnvironmentOf(host))
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("script did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteLineAsync(answer);
        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output + await error);
    }
}
