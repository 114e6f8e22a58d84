using System.Net;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Hosting;

/// <summary>
/// Liveness and readiness probes against a running host whose stores are broken on disk behind its
/// back, then mended: no mocks, the checks meet the real failure.
/// </summary>
[ProviderSensitive("breaks and mends the stores with SQL")]
public sealed class HealthTests
{
    private const string AllHealthy = """{"status":"Healthy","checks":{"database":"Healthy","keyStore":"Healthy","dataKeys":"Healthy","canary":"Healthy","keyCensus":"Healthy","disabledDataKeys":"Healthy","ringFiles":"Healthy"}}""";

    [Fact]
    public async Task Probe_AsksANormalHost_GetsLiveAndReadyWithEveryCheckHealthy()
    {
        await using var app = new CloudjetApplication();

        var (readyStatus, readyBody) = await GetAsync(app, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal(AllHealthy, readyBody);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await GetAsync(app, "/health/live"));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await GetAsync(app, "/healthz"));
    }

    [Fact]
    public async Task Probe_StoredWrappingKeyCorruptedThenRestored_ReadyGoes503ThenBackWhileLiveStays200()
    {
        await using var app = new CloudjetApplication();
        Assert.Equal((HttpStatusCode.OK, AllHealthy), await GetAsync(app, "/health/ready"));
        var (id, original) = StoredWrappingKey(app);

        // One flipped bit in the stored wrapping key: the Data Protection ring can no longer open it.
        var corrupted = (byte[])original.Clone();
        corrupted[^1] ^= 0x01;
        Assert.Equal(1, await app.ExecuteSqlAsync("UPDATE DataKeys SET WrappedKey = $wrapped WHERE Id = $id", ("$wrapped", corrupted), ("$id", id)));

        Assert.Equal(
            (HttpStatusCode.ServiceUnavailable, """{"status":"Unhealthy","checks":{"database":"Healthy","keyStore":"Healthy","dataKeys":"Healthy","canary":"Unhealthy","keyCensus":"Healthy","disabledDataKeys":"Healthy","ringFiles":"Healthy"}}"""),
            await GetAsync(app, "/health/ready"));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await GetAsync(app, "/health/live"));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await GetAsync(app, "/healthz"));

        Assert.Equal(1, await app.ExecuteSqlAsync("UPDATE DataKeys SET WrappedKey = $wrapped WHERE Id = $id", ("$wrapped", original), ("$id", id)));

        Assert.Equal((HttpStatusCode.OK, AllHealthy), await GetAsync(app, "/health/ready"));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await GetAsync(app, "/health/live"));
    }

    [Fact]
    public async Task Probe_StoredWrappingKeyReplacedByAnotherDataKey_ReadyGoes503()
    {
        await using var app = new CloudjetApplication();
        Assert.Equal((HttpStatusCode.OK, AllHealthy), await GetAsync(app, "/health/ready"));

        // Another data key's wrapped form copied over: bound to another id and purpose, it does not unwrap.
        Assert.Equal(1, await app.ExecuteSqlAsync($"UPDATE DataKeys SET WrappedKey = (SELECT WrappedKey FROM DataKeys WHERE Purpose = {(int)DataKeyPurpose.BlindIndex}) WHERE Purpose = {(int)DataKeyPurpose.PersonKeyWrapping}"));

        var (status, body) = await GetAsync(app, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("\"canary\":\"Unhealthy\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_KeyStoreTableGoneThenBack_ReadyGoes503ForTheKeyStoreThenRecovers()
    {
        await using var app = new CloudjetApplication();
        Assert.Equal((HttpStatusCode.OK, AllHealthy), await GetAsync(app, "/health/ready"));

        await ExecuteOnKeyStoreAsync(app, "ALTER TABLE PersonKeys RENAME TO PersonKeysAway");

        Assert.Equal(
            (HttpStatusCode.ServiceUnavailable, """{"status":"Unhealthy","checks":{"database":"Healthy","keyStore":"Unhealthy","dataKeys":"Healthy","canary":"Healthy","keyCensus":"Healthy","disabledDataKeys":"Healthy","ringFiles":"Healthy"}}"""),
            await GetAsync(app, "/health/ready"));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await GetAsync(app, "/health/live"));

        await ExecuteOnKeyStoreAsync(app, "ALTER TABLE PersonKeysAway RENAME TO PersonKeys");

        Assert.Equal((HttpStatusCode.OK, AllHealthy), await GetAsync(app, "/health/ready"));
    }

    [Fact]
    public async Task Attacker_ReadsTheReadyBodyOfAFailingHost_LearnsNoPathExceptionKeyIdOrValue()
    {
        await using var app = new CloudjetApplication();
        var keyIds = app.WithDb(db => db.DataKeys.Select(k => k.Id).ToList());
        var (id, original) = StoredWrappingKey(app);
        Assert.Equal(1, await app.ExecuteSqlAsync("UPDATE DataKeys SET WrappedKey = $wrapped WHERE Id = $id", ("$wrapped", new byte[] { 0 }), ("$id", id)));
        await ExecuteOnKeyStoreAsync(app, "ALTER TABLE PersonKeys RENAME TO PersonKeysAway");

        var (status, body) = await GetAsync(app, "/health/ready");

        // Mended before disposal, whose log check opens every stored value.
        await ExecuteOnKeyStoreAsync(app, "ALTER TABLE PersonKeysAway RENAME TO PersonKeys");
        await app.ExecuteSqlAsync("UPDATE DataKeys SET WrappedKey = $wrapped WHERE Id = $id", ("$wrapped", original), ("$id", id));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("""{"status":"Unhealthy","checks":{"database":"Healthy","keyStore":"Unhealthy","dataKeys":"Healthy","canary":"Unhealthy","keyCensus":"Unhealthy","disabledDataKeys":"Healthy","ringFiles":"Healthy"}}""", body);
        Assert.DoesNotContain(app.DataDirectory, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("PersonKeys", body, StringComparison.Ordinal);
        Assert.DoesNotContain("cloudjet-health-canary", body, StringComparison.Ordinal);
        Assert.All(keyIds, id =>
        {
            Assert.DoesNotContain(id.ToString("N"), body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(id.ToString("D"), body, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Probe_AsksReadyManyTimesWithLowRateLimits_IsNeverRefused()
    {
        await using var app = new CloudjetApplication()
            .With("RateLimits:LoginsPerAddressPerMinute", "1")
            .With("RateLimits:PersonalRecordsPerMinute", "1");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            statuses.Add((await GetAsync(app, "/health/ready")).Status);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(CloudjetApplication app, string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static (Guid Id, byte[] WrappedKey) StoredWrappingKey(CloudjetApplication app)
    {
        var key = app.WithDb(db => db.DataKeys.Single(k => k.Purpose == DataKeyPurpose.PersonKeyWrapping && k.IsActive));
        return (key.Id, key.WrappedKey);
    }

    private static Task<int> ExecuteOnKeyStoreAsync(CloudjetApplication app, string sql) => app.ExecuteKeyStoreSqlAsync(sql);
}
