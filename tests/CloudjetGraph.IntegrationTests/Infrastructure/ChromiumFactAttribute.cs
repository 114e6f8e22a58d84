namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// A test that drives Debian's chromium (<c>apt-get install chromium</c>; never a browser that a
/// test tool downloads) against GraphiQL's bundle. Skipped with the reason where either is missing,
/// except in CI, where it runs and fails.
/// </summary>
public sealed class ChromiumFactAttribute : GraphiQLBundleFactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        Skip = SkipReason(IsContinuousIntegration, File.Exists(Path.Combine(BundlePath, "index.html")), File.Exists(ChromiumPath));
    }

    /// <summary>Why the test is skipped, or null when it runs: always in CI.</summary>
    public static string? SkipReason(bool continuousIntegration, bool bundleBuilt, bool chromiumInstalled) =>
        SkipReason(continuousIntegration, bundleBuilt)
        ?? (continuousIntegration || chromiumInstalled
            ? null
            : $"Debian's chromium is not installed at {ChromiumPath} (apt-get install chromium; .ci/run installs it and CI runs this test).");
}
