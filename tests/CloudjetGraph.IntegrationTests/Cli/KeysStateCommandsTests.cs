using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// <c>keys disable</c>, <c>enable</c>, <c>schedule-destroy</c> and <c>cancel-destroy</c> in process on a
/// test host's real files: each step and its way back, and every hostile call refused with its code
/// and exit code and nothing written.
/// </summary>
[ProviderSensitive("compare-and-swap of key states in the key store")]
public sealed class KeysStateCommandsTests
{
    private const int RefusedByGuard = 7;

    [Fact]
    public async Task Custodian_DisablesSchedulesCancelsEnables_EachStepShownAndBackToDecryptOnly()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var old = await Custodian.DecryptOnlyDataKeyAsync(settings, "blind-index");

        var disabled = await Custodian.KeysAsync(settings, "disable", "--yes", old.ToString());
        var scheduled = await Custodian.KeysAsync(settings, "schedule-destroy", "--yes", old.ToString(), "--after", "10d");
        var state = CensusJson.DataKey(await Custodian.ListAsync(settings), old)["state"]!.GetValue<string>();
        var row = host.WithDb(db => db.DataKeys.AsNoTracking().Single(k => k.Id == old));
        var cancelled = await Custodian.KeysAsync(settings, "cancel-destroy", "--yes", old.ToString());
        var enabled = await Custodian.KeysAsync(settings, "enable", "--yes", old.ToString());

        Assert.Equal((0, $"Data key {old} (blind-index) is disabled. Running gateways follow within DataProtection:RefreshInterval."), (disabled.ExitCode, disabled.Output.Trim()));
        Assert.Equal(0, scheduled.ExitCode);
        Assert.StartsWith($"Data key {old} (blind-index) is scheduled-for-destruction; `keys destroy-data` may destroy it from ", scheduled.Output, StringComparison.Ordinal);
        Assert.Equal("scheduled-for-destruction", state);
        Assert.Equal(TimeSpan.FromDays(10), row.DestroyAfter - row.DestroyScheduledAt);
        Assert.Equal((0, $"Data key {old} (blind-index) is disabled. Running gateways follow within DataProtection:RefreshInterval."), (cancelled.ExitCode, cancelled.Output.Trim()));
        Assert.Equal((0, $"Data key {old} (blind-index) is decrypt-only. Running gateways follow within DataProtection:RefreshInterval."), (enabled.ExitCode, enabled.Output.Trim()));
        var after = host.WithDb(db => db.DataKeys.AsNoTracking().Single(k => k.Id == old));
        Assert.Equal((null, null, null), (after.DisabledAt, after.DestroyScheduledAt, after.DestroyAfter));
    }

    [Theory]
    [InlineData("7", 2, "'7' is not a duration")]
    [InlineData("7 days", 2, "'7 days' is not a duration")]
    [InlineData("1.5d", 2, "'1.5d' is not a duration")]
    [InlineData("7.00:00:00", 2, "'7.00:00:00' is not a duration")]
    [InlineData("167h", 1, "[VALIDATION] Data key ")]
    [InlineData("90m", 1, "The waiting period 01:30:00 is shorter than the minimum 7d")]
    [InlineData("0d", 1, "shorter than the minimum 7d (KeyLifecycle:MinimumDestroyDelay)")]
    public async Task Custodian_SchedulesWithBadPeriod_RefusedAndNothingWritten(string after, int expectedExitCode, string expected)
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var old = await Custodian.DecryptOnlyDataKeyAsync(settings, "blind-index");
        Assert.Equal(0, (await Custodian.KeysAsync(settings, "disable", "--yes", old.ToString())).ExitCode);
        var digest = await DatabaseDigest.ExceptAuditTrailAsync(host);

        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "schedule-destroy", "--yes", old.ToString(), "--after", after);

        Assert.Equal(expectedExitCode, exitCode);
        Assert.Equal("", output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(digest, await DatabaseDigest.ExceptAuditTrailAsync(host));
    }

    [Fact]
    public async Task Custodian_StepsOutOfOrderOrOnUnknownKeys_RefusedWithCodesAndNothingWritten()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var old = await Custodian.DecryptOnlyDataKeyAsync(settings, "blind-index");
        var unknown = Guid.NewGuid().ToString();
        var digest = await DatabaseDigest.ExceptAuditTrailAsync(host);

        (string Verb, string Id, int ExitCode, string Code)[] calls =
        [
            ("schedule-destroy", old.ToString(), RefusedByGuard, "[KEY_TRANSITION_REFUSED]"),
            ("cancel-destroy", old.ToString(), RefusedByGuard, "[KEY_TRANSITION_REFUSED]"),
            ("enable", old.ToString(), RefusedByGuard, "[KEY_TRANSITION_REFUSED]"),
            ("destroy-data", old.ToString(), RefusedByGuard, "[KEY_TRANSITION_REFUSED]"),
            ("disable", unknown, 1, "[KEY_NOT_FOUND]"),
            ("enable", unknown, 1, "[KEY_NOT_FOUND]"),
            ("schedule-destroy", unknown, 1, "[KEY_NOT_FOUND]"),
            ("cancel-destroy", unknown, 1, "[KEY_NOT_FOUND]"),
        ];
        foreach (var (verb, id, exitCode, code) in calls)
        {
            var result = await Custodian.KeysAsync(settings, verb, "--yes", id);
            Assert.True(result.ExitCode == exitCode, $"keys {verb}: {result.ExitCode} {result.Error}");
            Assert.Equal("", result.Output);
            Assert.StartsWith($"keys {verb}: {code} ", result.Error, StringComparison.Ordinal);
        }

        var malformed = await Custodian.KeysAsync(settings, "disable", "--yes", "not-a-key");
        Assert.Equal(2, malformed.ExitCode);
        Assert.StartsWith("keys disable: [USAGE] ", malformed.Error, StringComparison.Ordinal);
        Assert.Equal(digest, await DatabaseDigest.ExceptAuditTrailAsync(host));
    }

    [Fact]
    public async Task Custodian_DestroysWithUnattributedValues_RefusedWithKeyInUse()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var old = await Custodian.DecryptOnlyDataKeyAsync(settings, "blind-index");
        await DataKeyScheduling.ScheduleAndWaitAsync(host, settings, old);

        // An index entry naming no key: the census cannot tell which key it belongs to, so it might be this one.
        var profile = host.WithDb(db => db.Profiles.AsNoTracking().Select(p => p.Id).First());
        byte[] orphan = [.. new byte[] { 1 }, .. Guid.NewGuid().ToByteArray(), .. new byte[32]];
        host.WithDb(db => db.Profiles.Where(p => p.Id == profile).ExecuteUpdate(s => s.SetProperty(p => p.EmailIndex, orphan)));
        var digest = await DatabaseDigest.ExceptAuditTrailAsync(host);

        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "destroy-data", "--yes", old.ToString());

        Assert.Equal((RefusedByGuard, ""), (exitCode, output));
        Assert.Contains("[KEY_IN_USE]", error, StringComparison.Ordinal);
        Assert.Contains("1 stored value(s) name no known key, and any of them might be under this one", error, StringComparison.Ordinal);
        Assert.Equal(digest, await DatabaseDigest.ExceptAuditTrailAsync(host));
    }
}
