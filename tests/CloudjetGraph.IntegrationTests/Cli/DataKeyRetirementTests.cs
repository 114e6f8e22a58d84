using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using CloudjetGraph.IntegrationTests.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// A data key's whole retirement, as the runbook gives it (issue 6, done means): rotate, destroy
/// refused while the census shows anything under the old key, the job that moves everything off
/// it, then destroy accepted, with every value still readable and no profile row rewritten where
/// none should be.
/// </summary>
[ProviderSensitive("key jobs, the census and data key destruction")]
public sealed class DataKeyRetirementTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Custodian_RotatesPersonKeysRewrapsThenDestroysOldKey_NoProfileRowChangesAndEveryValueReads()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        Dictionary<Guid, Dictionary<string, string?>> before;
        await using (var host = new CloudjetApplication { DataDirectory = dataDirectory, KeepData = true })
        {
            await host.InitializeAsync();
            var settings = Custodian.DevelopmentSettingsOf(host);
            before = await ProfileValues.ReadAsync(host.Services);
            var old = CensusJson.ActiveKeyId(await Custodian.ListAsync(settings), "person-keys");
            var profiles = await DatabaseDigest.OfAsync(host, "Profiles");
            await Custodian.RotateDataAsync(settings, "person-keys");

            var (refused, _, refusal) = await Custodian.KeysAsync(settings, "destroy-data", "--yes", old.ToString());
            Assert.Equal(7, refused);
            Assert.Contains("[KEY_TRANSITION_REFUSED]", refusal, StringComparison.Ordinal);

            var (rewrapped, _, rewrapError) = await Custodian.KeysAsync(settings, "rewrap");
            Assert.True(rewrapped == 0, rewrapError);
            Assert.Equal(profiles, await DatabaseDigest.OfAsync(host, "Profiles"));
            Assert.Equal(0, CensusJson.DataKey(await Custodian.ListAsync(settings), old)["census"]!["personKeys"]!.GetValue<long>());
            await DataKeyScheduling.ScheduleAndWaitAsync(host, settings, old);

            var (destroyed, output, destroyError) = await Custodian.KeysAsync(settings, "destroy-data", "--yes", old.ToString());
            Assert.True(destroyed == 0, destroyError);
            Assert.StartsWith($"Destroyed data key {old} (person-keys); this cannot be undone.", output, StringComparison.Ordinal);
            Assert.Equal(profiles, await DatabaseDigest.OfAsync(host, "Profiles"));
        }

        // A new host has only the new key to unwrap person keys with, and reads every value.
        await using var after = new CloudjetApplication { DataDirectory = dataDirectory };
        await after.InitializeAsync();
        Assert.Equal(before, await ProfileValues.ReadAsync(after.Services));
    }

    [Fact]
    public async Task Custodian_RotatesBlindIndexReindexesThenDestroysOldKey_LoginAndSearchWorkThroughout()
    {
        await using var host = new CloudjetApplication().With("DataProtection:RefreshInterval", "00:00:00.200");
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var owner = await host.SignUpAsync(Owners.NewInput("retire-index"));
        var email = BlindIndexRotation.EmailOf("retire-index");
        var old = BlindIndexRotation.ActiveKey(host);

        // The Cli rotates; the running gateway takes the new key within its refresh interval.
        var rotated = await Custodian.RotateDataAsync(settings, "blind-index");
        await Poll.UntilAsync(() => host.Services.GetRequiredService<DataKeyRing>().Active(DataKeyPurpose.BlindIndex).Id == rotated, Delay, "The gateway taking the new blind-index key");
        Assert.Equal(owner, await BlindIndexRotation.OwnIdAsync(host, email));
        Assert.Equal([owner], await BlindIndexRotation.SearchAsync(host, email));

        var (refused, _, refusal) = await Custodian.KeysAsync(settings, "destroy-data", "--yes", old.ToString());
        Assert.Equal(7, refused);
        Assert.Contains("[KEY_TRANSITION_REFUSED]", refusal, StringComparison.Ordinal);

        var (reindexed, _, reindexError) = await Custodian.KeysAsync(settings, "reindex");
        Assert.True(reindexed == 0, reindexError);
        Assert.Equal(0, CensusJson.DataKey(await Custodian.ListAsync(settings), old)["census"]!["indexEntries"]!.GetValue<long>());
        await DataKeyScheduling.ScheduleAndWaitAsync(host, settings, old);
        Assert.Equal(owner, await BlindIndexRotation.OwnIdAsync(host, email));

        var (destroyed, _, destroyError) = await Custodian.KeysAsync(settings, "destroy-data", "--yes", old.ToString());
        Assert.True(destroyed == 0, destroyError);
        await Poll.UntilAsync(() => !host.Services.GetRequiredService<DataKeyRing>().TryGet(old, out _), Delay, "The gateway forgetting the destroyed key");
        Assert.Equal(owner, await BlindIndexRotation.OwnIdAsync(host, email));
        Assert.Equal([owner], await BlindIndexRotation.SearchAsync(host, email));
    }
}
