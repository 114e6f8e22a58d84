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
        if (!IsContinuousIntegration && Skip is null && !File.Exists(ChromiumPath))
        {
            Skip = $"Debian's chromium is not installed at {ChromiumPath} (apt-get install chromium; .ci/run installs it and CI runs this test).";
        }
    }
}
