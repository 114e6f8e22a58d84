using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.GraphiQL;

/// <summary>The browser and bundle tests skip, with the reason, only outside CI: in CI a missing chromium or bundle fails them.</summary>
public sealed class BrowserTestGateTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void ChromiumSkipReason_InCiWhateverIsMissing_IsNoneSoTheTestRuns(bool bundleBuilt, bool chromiumInstalled) =>
        Assert.Null(ChromiumFactAttribute.SkipReason(continuousIntegration: true, bundleBuilt, chromiumInstalled));

    [Fact]
    public void ChromiumSkipReason_LocallyWithoutChromium_SaysHowToInstallIt() =>
        Assert.Equal(
            "Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium; .ci/run installs it and CI runs this test).",
            ChromiumFactAttribute.SkipReason(continuousIntegration: false, bundleBuilt: true, chromiumInstalled: false));

    [Fact]
    public void ChromiumSkipReason_LocallyWithoutTheBundle_SaysHowToBuildIt() =>
        Assert.StartsWith(
            "GraphiQL's bundle was not built: install Node.js 20.19",
            ChromiumFactAttribute.SkipReason(continuousIntegration: false, bundleBuilt: false, chromiumInstalled: true),
            StringComparison.Ordinal);

    [Fact]
    public void ChromiumSkipReason_LocallyWithBoth_IsNone() =>
        Assert.Null(ChromiumFactAttribute.SkipReason(continuousIntegration: false, bundleBuilt: true, chromiumInstalled: true));
}
