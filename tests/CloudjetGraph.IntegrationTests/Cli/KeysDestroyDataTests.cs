using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// <c>keys destroy-data</c> in process on a test host's real files: only a key scheduled for
/// destruction whose waiting period has passed and under which the census counts nothing; there is
/// no <c>--force</c>; a destroyed key stays as a tombstone with no wrapped bytes. Each test has its
/// own host, since it changes the keys.
/// </summary>
[ProviderSensitive("data key destruction and the census")]
public sealed class KeysDestroyDataTests
{
    private const int RefusedByGuard = 7;

    [Fact]
    public async Task Custodian_DestroysScheduledKeyWithNothingUnder_TombstoneWithoutBytes()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);

        // Two rotations: the middle key was active for a moment and wraps no person key.
        var middle = await Custodian.RotateDataAsync(settings, "person-keys");
        await Custodian.RotateDataAsync(settings, "person-keys");
        await DataKeyScheduling.ScheduleAndWaitAsync(host, settings, middle);

        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "destroy-data", "--yes", middle.ToString());

        Assert.True(exitCode == 0, error);
        Assert.Equal($"Destroyed data key {middle} (person-keys); this cannot be undone. Nothing was under it.", output.Trim());
        var entry = CensusJson.DataKey(await Custodian.ListAsync(settings), middle);
        Assert.Equal("destroyed", entry["state"]!.GetValue<string>());
        Assert.Null(entry["masterKeyId"]);
        var row = host.WithDb(db => db.DataKeys.Single(k => k.Id == middle));
        Assert.Empty(row.WrappedKey);
        Assert.NotNull(row.DestroyedAt);
        Assert.False(row.IsActive);

        // A second destruction, an enable of the tombstone, or a key that never existed, is refused.
        var (again, _, againError) = await Custodian.KeysAsync(settings, "destroy-data", "--yes", middle.ToString());
        Assert.Equal(RefusedByGuard, again);
        Assert.Contains("[KEY_TRANSITION_REFUSED]", againError, StringComparison.Ordinal);
        var (enable, _, enableError) = await Custodian.KeysAsync(settings, "enable", "--yes", middle.ToString());
        Assert.Equal(RefusedByGuard, enable);
        Assert.Contains("It is destroyed. Only a disabled key is enabled", enableError, StringComparison.Ordinal);
        var (unknown, _, unknownError) = await Custodian.KeysAsync(settings, "destroy-data", "--yes", Guid.NewGuid().ToString());
        Assert.Equal(1, unknown);
        Assert.Contains("[KEY_NOT_FOUND]", unknownError, StringComparison.Ordinal);

        // The gateway still starts on the database, the tombstone never loaded.
        await using var restarted = new CloudjetApplication { DataDirectory = host.DataDirectory, KeepData = true };
        await restarted.InitializeAsync();
        Assert.False(restarted.Services.GetRequiredService<DataKeyRing>().TryGet(middle, out _));
    }

    [Fact]
    public async Task Custodian_DestroysWithForce_OptionNoLongerExists()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var old = await Custodian.RotateDataAsync(settings, "person-keys");
        await Custodian.RotateDataAsync(settings, "person-keys");
        await DataKeyScheduling.ScheduleAndWaitAsync(host, settings, old);
        var digest = await DatabaseDigest.ExceptAuditTrailAsync(host);

        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "destroy-data", "--yes", old.ToString(), "--force");

        Assert.Equal(2, exitCode);
        Assert.DoesNotContain("Destroyed", output, StringComparison.Ordinal);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal(digest, await DatabaseDigest.ExceptAuditTrailAsync(host));
    }

    [Fact]
    public async Task Custodian_DestroysKeyWrappingPersonKeys_RefusedWithCensus()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var old = CensusJson.ActiveKeyId(await Custodian.ListAsync(settings), "person-keys");
        var personKeys = host.WithKeyStore(ks => ks.PersonKeys.Count());
        await Custodian.RotateDataAsync(settings, "person-keys");
        await DataKeyScheduling.ScheduleAndWaitAsync(host, settings, old);
        var digest = await DatabaseDigest.ExceptAuditTrailAsync(host);

        var (refused, refusedOutput, refusal) = await Custodian.KeysAsync(settings, "destroy-data", "--yes", old.ToString());

        Assert.Equal(RefusedByGuard, refused);
        Assert.Equal("", refusedOutput);
        Assert.Contains("[KEY_IN_USE]", refusal, StringComparison.Ordinal);
        Assert.Contains($"It still protects {personKeys} person key(s) wrapped under it (run `keys rewrap`)", refusal, StringComparison.Ordinal);
        Assert.Equal(digest, await DatabaseDigest.ExceptAuditTrailAsync(host));
        Assert.Equal("scheduled-for-destruction", CensusJson.DataKey(await Custodian.ListAsync(settings), old)["state"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("person-keys")]
    [InlineData("token-signing")]
    [InlineData("row-integrity")]
    public async Task Custodian_DisablesOrDestroysActiveKey_RefusedAndNothingWritten(string purpose)
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var active = CensusJson.ActiveKeyId(await Custodian.ListAsync(settings), purpose).ToString();
        var digest = await DatabaseDigest.ExceptAuditTrailAsync(host);

        var (disable, disableOutput, disableError) = await Custodian.KeysAsync(settings, "disable", "--yes", active);
        var (destroy, destroyOutput, destroyError) = await Custodian.KeysAsync(settings, "destroy-data", "--yes", active);

        Assert.Equal((RefusedByGuard, ""), (disable, disableOutput));
        Assert.Contains("[KEY_TRANSITION_REFUSED]", disableError, StringComparison.Ordinal);
        Assert.Contains("The active key of a purpose is never disabled", disableError, StringComparison.Ordinal);
        Assert.Equal((RefusedByGuard, ""), (destroy, destroyOutput));
        Assert.Contains("It is active. Only a key scheduled for destruction is destroyed", destroyError, StringComparison.Ordinal);
        Assert.Equal(digest, await DatabaseDigest.ExceptAuditTrailAsync(host));
    }

    [Fact]
    public async Task Custodian_DestroysRetiredSigningKey_RefusedUntilLongestTokenLifetimePassed()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var old = CensusJson.ActiveKeyId(await Custodian.ListAsync(settings), "token-signing");
        await Custodian.RotateDataAsync(settings, "token-signing");
        await DataKeyScheduling.ScheduleAndWaitAsync(host, settings, old);

        var (refused, _, refusal) = await Custodian.KeysAsync(settings, "destroy-data", "--yes", old.ToString());
        Assert.Equal(RefusedByGuard, refused);
        Assert.Contains("tokens it signed, which may be accepted until", refusal, StringComparison.Ordinal);

        // Retired longer ago than the longest token lifetime (8 h staff tokens): nothing it signed is valid.
        var retired = DateTimeOffset.UtcNow.AddHours(-9);
        host.WithDb(db => db.DataKeys.Where(k => k.Id == old).ExecuteUpdate(s => s.SetProperty(k => k.DeactivatedAt, retired)));

        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "destroy-data", "--yes", old.ToString());
        Assert.True(exitCode == 0, error);
        Assert.Contains("Nothing was under it.", output, StringComparison.Ordinal);
    }
}
