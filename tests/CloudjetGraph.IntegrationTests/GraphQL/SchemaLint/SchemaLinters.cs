using System.Diagnostics;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.GraphQL.SchemaLint;

/// <summary>
/// The two schema linters of <c>schema/lint</c> (graphql-schema-linter and @graphql-eslint) as
/// processes. Their packages are installed with <c>npm ci</c> once per run, and only when the
/// lock file is newer than the installed tree, as GraphiQL's build does.
/// </summary>
internal static class SchemaLinters
{
    public static readonly string LintFolder = Path.Combine(RepositoryRoot.Path, "schema", "lint");

    private static readonly string SchemaFolder = Path.Combine(RepositoryRoot.Path, "schema");
    private static readonly Lazy<Task> Installed = new(InstallAsync);

    /// <summary>Runs an npm script of <c>schema/lint/package.json</c> on the committed SDL.</summary>
    public static async Task<LinterRun> RunScriptAsync(string script)
    {
        await Installed.Value;
        return await RunAsync("npm", LintFolder, standardInput: null, "run", "--silent", script);
    }

    /// <summary>graphql-schema-linter with the committed configuration on <paramref name="sdl"/>.</summary>
    public static async Task<LinterRun> GraphqlSchemaLinterAsync(string sdl)
    {
        await Installed.Value;
        return await RunAsync(Bin("graphql-schema-linter"), LintFolder, sdl, "--stdin");
    }

    /// <summary>ESLint with the committed configuration on <paramref name="sdl"/>, or its resolved configuration.</summary>
    public static async Task<LinterRun> EslintAsync(string? sdl, params string[] arguments)
    {
        await Installed.Value;
        string[] input = sdl is null ? ["cloudjet.graphql"] : ["--stdin", "--stdin-filename", "cloudjet.graphql"];
        return await RunAsync(Bin("eslint"), SchemaFolder, sdl, ["--config", "lint/eslint.config.mjs", .. arguments, .. input]);
    }

    private static string Bin(string name) => Path.Combine(LintFolder, "node_modules", ".bin", name);

    private static async Task InstallAsync()
    {
        var installed = Path.Combine(LintFolder, "node_modules", ".package-lock.json");
        if (File.Exists(installed) && File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(Path.Combine(LintFolder, "package-lock.json")))
        {
            return;
        }

        var result = await RunAsync("npm", LintFolder, standardInput: null, "ci", "--no-audit", "--no-fund", "--loglevel=error");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in schema/lint failed ({result.ExitCode}):\n{result.Output}");
        }
    }

    private static async Task<LinterRun> RunAsync(string fileName, string workingDirectory, string? standardInput, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["NO_COLOR"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process ended before reading its input (node missing, say): its exit code and output tell why.
        }

        // The first npm ci takes about half a minute on a busy 2-core machine; a lint run a few seconds.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new LinterRun(process.ExitCode, await stdout + await stderr);
    }
}
