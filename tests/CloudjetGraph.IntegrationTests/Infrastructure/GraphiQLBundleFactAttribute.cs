namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// A test that needs GraphiQL's bundle, which <c>dotnet build</c> makes only where Node.js is found.
/// Without it the test is skipped with the reason, except in CI (<c>CI=true</c>), where it runs and
/// fails: CI must never pass by skipping it.
/// </summary>
public class GraphiQLBundleFactAttribute : FactAttribute
{
    public GraphiQLBundleFactAttribute()
    {
        Skip = SkipReason(IsContinuousIntegration, File.Exists(Path.Combine(BundlePath, "index.html")));
    }

    /// <summary>Where <c>dotnet build</c> puts the bundle: the default of <c>GraphiQL:BundlePath</c>, under the Api project.</summary>
    public static string BundlePath { get; } = Path.Combine(RepositoryRoot.Path, "src", "CloudjetGraph.Api", "GraphiQL", "app", "dist");

    protected static bool IsContinuousIntegration =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the test is skipped, or null when it runs: always in CI.</summary>
    public static string? SkipReason(bool continuousIntegration, bool bundleBuilt) =>
        continuousIntegration || bundleBuilt
            ? null
            : "GraphiQL's bundle was not built: install Node.js 20.19 or later with npm and run dotnet build (CI runs this test).";
}
