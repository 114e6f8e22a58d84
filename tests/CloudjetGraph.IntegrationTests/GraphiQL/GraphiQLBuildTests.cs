using System.Diagnostics;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.GraphiQL;

/// <summary>
/// The MSBuild target that builds GraphiQL's bundle (src/CloudjetGraph.Api/GraphiQL/GraphiQL.targets):
/// run only when its inputs changed, and never a reason for <c>dotnet build</c> to fail where Node.js is missing.
/// </summary>
public sealed class GraphiQLBuildTests
{
    private const string Project = "src/CloudjetGraph.Api/CloudjetGraph.Api.csproj";

    [Fact]
    public async Task DotnetBuild_WhereNpmIsMissing_SucceedsAndSaysTheBundleIsNotBuilt()
    {
        var (exitCode, output) = await MsBuildAsync("-t:GraphiQLBundle", "-p:GraphiQLNpm=/nonexistent/npm", "-v:m");

        Assert.True(exitCode == 0, output);
        Assert.Contains("GraphiQL: npm (Node.js) not found, so its bundle is not built; /graphql/ui will say how to enable it.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("error", output, StringComparison.OrdinalIgnoreCase);
    }

    [GraphiQLBundleFact]
    public async Task DotnetBuild_WithTheBundleNewerThanItsSources_RunsNeitherNpmCiNorVite()
    {
        var index = Path.Combine(GraphiQLBundleFactAttribute.BundlePath, "index.html");
        var builtAt = File.GetLastWriteTimeUtc(index);

        var (exitCode, output) = await MsBuildAsync("-t:GraphiQLBundle", "-v:n");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Skipping target \"RestoreGraphiQLPackages\" because all output files are up-to-date", output, StringComparison.Ordinal);
        Assert.Contains("Skipping target \"BuildGraphiQLBundle\" because all output files are up-to-date", output, StringComparison.Ordinal);
        Assert.Equal(builtAt, File.GetLastWriteTimeUtc(index));
    }

    private static async Task<(int ExitCode, string Output)> MsBuildAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "msbuild", Project, "-nologo", "-nodeReuse:false" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet msbuild did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
