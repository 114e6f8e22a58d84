using System.Diagnostics;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.TrustedDocuments;

/// <summary>
/// The npm project in <c>TrustedDocuments/codegen</c>: graphql-codegen's client preset, run on a
/// folder of operations to write the manifest a frontend's build would ship. Its packages are
/// installed with <c>npm ci</c> at most once per run, and only when the lock file is newer than
/// the installed packages.
/// </summary>
internal static class CodegenProject
{
    public static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "CloudjetGraph.IntegrationTests", "TrustedDocuments", "codegen");

    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim Restoring = new(1, 1);
    private static bool _restored;

    /// <summary>Runs the client preset on the <c>.graphql</c> files of <paramref name="operations"/>; returns the path of the <c>persisted-documents.json</c> it wrote.</summary>
    public static async Task<string> WriteManifestAsync(string operations, string output)
    {
        await RestoreAsync();
        await NpmAsync(new Dictionary<string, string> { ["CLOUDJET_OPERATIONS"] = operations, ["CLOUDJET_CODEGEN_OUTPUT"] = output }, "run", "codegen", "--silent");
        return Path.Combine(output, "persisted-documents.json");
    }

    private static async Task RestoreAsync()
    {
        await Restoring.WaitAsync();
        try
        {
            var installed = new FileInfo(Path.Combine(Folder, "node_modules", ".package-lock.json"));
            if (!_restored && (!installed.Exists || installed.LastWriteTimeUtc < File.GetLastWriteTimeUtc(Path.Combine(Folder, "package-lock.json"))))
            {
                await NpmAsync(new Dictionary<string, string>(), "ci", "--no-audit", "--no-fund", "--loglevel=error");
            }

            _restored = true;
        }
        finally
        {
            Restoring.Release();
        }
    }

    private static async Task NpmAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("npm", arguments)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var npm = Process.Start(start)!;
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(NpmTimeout);
        try
        {
            await npm.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            Assert.Fail($"npm {string.Join(' ', arguments)} did not finish within {NpmTimeout}.");
        }

        Assert.True(npm.ExitCode == 0, $"npm {string.Join(' ', arguments)} exited with {npm.ExitCode}:{Environment.NewLine}{await stdout}{await stderr}");
    }
}
