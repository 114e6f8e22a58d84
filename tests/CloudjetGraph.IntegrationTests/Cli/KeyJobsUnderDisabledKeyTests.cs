using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// The custodian tool's jobs open nothing under a disabled data key, as the gateway does not: a job
/// that would is refused before it takes the lease, instead of skipping every row and ending "done".
/// </summary>
[ProviderSensitive("key jobs and their lease")]
public sealed class KeyJobsUnderDisabledKeyTests
{
    [Fact]
    public async Task Custodian_RunsJobsWhilePersonKeysSitUnderADisabledKey_RefusedUntilEnabledThenRewraps()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var old = CensusJson.ActiveKeyId(await Custodian.ListAsync(settings), "person-keys");
        await Custodian.RotateDataAsync(settings, "person-keys");
        var (disabled, _, disableError) = await Custodian.KeysAsync(settings, "disable", "--yes", old.ToString());
        Assert.True(disabled == 0, disableError);
        var keyStore = await DatabaseDigest.OfKeyStoreAsync(host);
        var profiles = await DatabaseDigest.OfAsync(host, "Profiles");

        foreach (var job in new[] { new[] { "rewrap" }, ["rekey", "--all"], ["reindex"] })
        {
            var (exitCode, output, error) = await Custodian.KeysAsync(settings, job);

            Assert.True(exitCode == 1, $"keys {job[0]} exited {exitCode}: {output}{error}");
            Assert.Contains($"Person keys are still wrapped under disabled data key {old}", error, StringComparison.Ordinal);
        }

        Assert.Equal(keyStore, await DatabaseDigest.OfKeyStoreAsync(host));
        Assert.Equal(profiles, await DatabaseDigest.OfAsync(host, "Profiles"));

        var (enabled, _, enableError) = await Custodian.KeysAsync(settings, "enable", "--yes", old.ToString());
        Assert.True(enabled == 0, enableError);
        var (rewrapped, _, rewrapError) = await Custodian.KeysAsync(settings, "rewrap");
        Assert.True(rewrapped == 0, rewrapError);
        Assert.Equal(0, CensusJson.DataKey(await Custodian.ListAsync(settings), old)["census"]!["personKeys"]!.GetValue<long>());
    }
}
