using System.Globalization;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// Scheduled destruction over HTTP on the host's fake clock: each guard refuses in turn (not
/// scheduled, too early, used since scheduling, census above 0), nothing changes on a refusal, and
/// once the key protects nothing and its period has passed it is destroyed with every profile
/// still reading as before.
/// </summary>
[ProviderSensitive("data key destruction and the census")]
public sealed class DataKeyDestructionTests
{
    private const string Destroy = "mutation X($id: ID!) { destroyDataKey(input: { id: $id }) { id purpose keyPurpose } }";
    private const string Disable = "mutation D($id: ID!) { disableDataKey(input: { id: $id }) { state } }";
    private const string Enable = "mutation E($id: ID!) { enableDataKey(input: { id: $id }) { state } }";
    private const string Cancel = "mutation C($id: ID!) { cancelDataKeyDestruction(input: { id: $id }) { state destroyAfter } }";
    private const string Schedule = "mutation S($id: ID!, $after: WaitingPeriod) { scheduleDataKeyDestruction(input: { id: $id, after: $after }) { state destroyAfter } }";

    // Development allows a waiting period under a day, so the fake clock moves an hour, well within the tokens' lifetime.
    private static readonly TimeSpan Minimum = TimeSpan.FromHours(1);

    [Fact]
    public async Task KeyCustodian_SchedulesAndDestroysPersonKeysKey_EachGuardRefusesThenDestroyedAndEveryProfileReads()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new CloudjetApplication { Clock = clock }.With("KeyLifecycle:MinimumDestroyDelay", "01:00:00");
        await host.InitializeAsync();
        var staff = host.Client(host.StaffToken(DefaultRole.Management, "management-demo"));
        var custodian = host.Client(host.StaffToken(DefaultRole.KeyCustodian, "custodian-destroy"));
        var before = DataKeyLifecycleReads.Nodes(await DataKeyLifecycleReads.ReadPagesAsync(staff));
        var old = (await custodian.PostAsync("mutation { rotateDataKey(input: { purpose: PERSON_KEYS }) { previousKeyId } }")).Ok()["rotateDataKey"]!["previousKeyId"]!.GetValue<Guid>();

        // Neither destroyed nor scheduled while decrypt-only.
        Assert.Equal(["KEY_TRANSITION_REFUSED"], (await custodian.PostAsync(Destroy, new { id = old })).Codes);
        Assert.Equal(["KEY_TRANSITION_REFUSED"], (await custodian.PostAsync(Schedule, new { id = old })).Codes);

        (await custodian.PostAsync(Disable, new { id = old })).Ok();
        Assert.Equal(["VALIDATION"], (await custodian.PostAsync(Schedule, new { id = old, after = "0h" })).Codes);
        var scheduled = (await custodian.PostAsync(Schedule, new { id = old })).Ok()["scheduleDataKeyDestruction"]!;
        Assert.Equal("scheduled-for-destruction", scheduled["state"]!.GetValue<string>());
        Assert.Equal(clock.GetUtcNow() + Minimum, DateTimeOffset.Parse(scheduled["destroyAfter"]!.GetValue<string>(), CultureInfo.InvariantCulture));

        // Too early, by a second.
        clock.Advance(Minimum - TimeSpan.FromSeconds(1));
        var digest = await DatabaseDigest.ExceptAuditTrailAsync(host);
        var early = await custodian.PostAsync(Destroy, new { id = old });
        Assert.Equal(["KEY_DESTRUCTION_TOO_EARLY"], early.Codes);
        Assert.Equal(digest, await DatabaseDigest.ExceptAuditTrailAsync(host));

        // A scheduled key is a disabled key: a read under it is withheld and recorded, and stops its destruction.
        var withheld = await DataKeyLifecycleReads.ReadPagesAsync(staff, DataKeyLifecycleReads.WithheldPageSize);
        Assert.Contains("KEY_DISABLED", withheld[0].Codes);
        await RecordUsesAsync(host);
        clock.Advance(TimeSpan.FromSeconds(2));
        var used = await custodian.PostAsync(Destroy, new { id = old });
        Assert.Equal(["KEY_USED_WHILE_SCHEDULED"], used.Codes);

        // Scheduled again without a use since: the census (every person key is still under it) refuses.
        (await custodian.PostAsync(Cancel, new { id = old })).Ok();
        (await custodian.PostAsync(Schedule, new { id = old })).Ok();
        clock.Advance(Minimum);
        var inUse = await custodian.PostAsync(Destroy, new { id = old });
        Assert.Equal(["KEY_IN_USE"], inUse.Codes);
        Assert.Contains("person key(s) wrapped under it (run `keys rewrap`)", inUse.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // Taken back, its person keys moved off it, disabled and scheduled again: destroyed once the period has passed.
        var cancelled = (await custodian.PostAsync(Cancel, new { id = old })).Ok()["cancelDataKeyDestruction"]!;
        Assert.Equal(("disabled", null), (cancelled["state"]!.GetValue<string>(), cancelled["destroyAfter"]?.GetValue<string>()));
        (await custodian.PostAsync(Enable, new { id = old })).Ok();
        var (rewrapped, _, rewrapError) = await Custodian.KeysAsync(Custodian.DevelopmentSettingsOf(host), "rewrap");
        Assert.True(rewrapped == 0, rewrapError);
        (await custodian.PostAsync(Disable, new { id = old })).Ok();
        (await custodian.PostAsync(Schedule, new { id = old, after = "1h" })).Ok();
        Assert.All(await DataKeyLifecycleReads.ReadPagesAsync(staff), page => Assert.Empty(page.Errors));
        clock.Advance(Minimum);

        var destroyed = (await custodian.PostAsync(Destroy, new { id = old })).Ok()["destroyDataKey"]!;

        Assert.Equal(old, destroyed["id"]!.GetValue<Guid>());
        Assert.Equal(("person-keys", "PERSON_KEYS"), (destroyed["purpose"]!.GetValue<string>(), destroyed["keyPurpose"]!.GetValue<string>()));
        Assert.False(host.Services.GetRequiredService<DataKeyRing>().TryGet(old, out _));
        Assert.Equal(before, DataKeyLifecycleReads.Nodes(await DataKeyLifecycleReads.ReadPagesAsync(staff)));
        Assert.Equal(["KEY_TRANSITION_REFUSED"], (await custodian.PostAsync(Enable, new { id = old })).Codes);
        Assert.Equal(["KEY_TRANSITION_REFUSED"], (await custodian.PostAsync(Cancel, new { id = old })).Codes);
    }

    // The refresher writes gathered uses on its timer; on a fake clock the test writes them when it needs them.
    private static async Task RecordUsesAsync(CloudjetApplication host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<DisabledKeyUseRecorder>().RecordAsync(CancellationToken.None));
    }
}
