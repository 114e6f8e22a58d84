using System.Net;
using System.Text.Json.Nodes;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CloudjetGraph.IntegrationTests.Hosting;

/// <summary>
/// Readiness reports Degraded, naming the key, while stored values sit under a key that cannot
/// open them. Before, it stayed Healthy while every such field answered DATA_INTEGRITY. The census
/// is reused for <c>Health:KeyCensusInterval</c>, so a fake clock moves readiness past it.
/// </summary>
[ProviderSensitive("census counts over values changed with SQL")]
public sealed class KeyCensusHealthTests
{
    [Fact]
    public async Task Probe_ValuesStillUnderADestroyedKey_ReadyDegradedNamingTheKeyThenHealthyOnceRestored()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new CloudjetApplication { Clock = clock };
        await host.InitializeAsync();
        Assert.Equal("Healthy", (await ReadyAsync(host))["status"]!.GetValue<string>());
        var old = host.WithDb(db => db.DataKeys.Single(k => k.Purpose == DataKeyPurpose.PersonKeyWrapping && k.IsActive));
        await Custodian.RotateDataAsync(Custodian.DevelopmentSettingsOf(host), "person-keys");

        // What a destruction of the old key leaves, beside a key store whose person keys were never
        // rewrapped (or was restored from before the rewrap).
        Assert.Equal(1, await host.ExecuteSqlAsync(
            "UPDATE DataKeys SET WrappedKey = $empty, DestroyedAt = $now WHERE Id = $id",
            ("$empty", Array.Empty<byte>()), ("$now", DateTimeOffset.UtcNow), ("$id", old.Id)));

        // Past the interval readiness counts again (and the ring refresh takes up the new key).
        clock.Advance(TimeSpan.FromMinutes(5));
        var degraded = await ReadyAsync(host);

        Assert.Equal("Degraded", degraded["status"]!.GetValue<string>());
        Assert.Equal("Degraded", degraded["checks"]!["keyCensus"]!.GetValue<string>());
        Assert.Equal("destroyed", degraded["details"]!["keyCensus"]![old.Id.ToString()]!.GetValue<string>());
        Assert.Single(degraded["details"]!["keyCensus"]!.AsObject());

        // Put back (a stand-in for restoring the key from a backup), readiness recovers.
        Assert.Equal(1, await host.ExecuteSqlAsync(
            "UPDATE DataKeys SET WrappedKey = $wrapped, DestroyedAt = NULL WHERE Id = $id", ("$wrapped", old.WrappedKey), ("$id", old.Id)));
        clock.Advance(TimeSpan.FromMinutes(5));
        var healthy = await ReadyAsync(host);
        Assert.Equal("Healthy", healthy["status"]!.GetValue<string>());
        Assert.Null(healthy["details"]);
    }

    [Fact]
    public async Task Probe_ValuesWhosePersonKeyIsGone_ReadyDegradedAsUnattributed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new CloudjetApplication { Clock = clock };
        await host.InitializeAsync();
        var personKey = host.WithKeyStore(ks => ks.PersonKeys.OrderBy(k => k.Id).First());
        Assert.Equal(1, await host.ExecuteKeyStoreSqlAsync("UPDATE PersonKeys SET Id = $other WHERE Id = $id", ("$other", Guid.NewGuid()), ("$id", personKey.Id)));

        var degraded = await ReadyAsync(host);

        // Mended before disposal, whose checks open every stored value.
        Assert.Equal(1, await host.ExecuteKeyStoreSqlAsync("UPDATE PersonKeys SET Id = $id WHERE ProfileId = $profile", ("$id", personKey.Id), ("$profile", personKey.ProfileId)));
        Assert.Equal("Degraded", degraded["status"]!.GetValue<string>());
        Assert.Equal("unattributed", degraded["details"]!["keyCensus"]!["unattributed"]!.GetValue<string>());
    }

    // The body once readiness answers 200: after a rotation by the Cli, the canary fails until
    // this process's ring refresh has loaded the new active key.
    private static async Task<JsonNode> ReadyAsync(CloudjetApplication host)
    {
        using var client = host.CreateClient();
        var body = string.Empty;
        await Poll.UntilAsync(
            () =>
            {
                using var response = client.GetAsync(new Uri("/health/ready", UriKind.Relative)).GetAwaiter().GetResult();
                body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                return response.StatusCode == HttpStatusCode.OK;
            },
            TimeSpan.FromSeconds(15),
            "Readiness answering 200");
        return JsonNode.Parse(body)!;
    }
}
