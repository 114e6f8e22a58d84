using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Protection;

/// <summary>A page's person keys come from the key store in one query, then from the cache until their time to live ends.</summary>
[ProviderSensitive("the person-key store's batched query")]
public sealed class PersonKeyBatchingTests
{
    private const string Page = "{ profiles(first: 50) { nodes { id fullName email phone } } }";
    private static readonly TimeSpan PastTimeToLive = TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Management_ReadsPageWithColdCache_FetchesItsPersonKeysInOneQuery()
    {
        await using var app = new KeyStoreQueryCountingApplication();
        await app.InitializeAsync();
        var client = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));

        // Seeding cached every key it made: let them all expire.
        app.FakeClock.Advance(PastTimeToLive);
        app.Queries.Reset();
        var nodes = (await client.PostAsync(Page)).Ok()["profiles"]!["nodes"]!.AsArray();

        Assert.Equal(50, nodes.Count);
        Assert.All(nodes, node => Assert.Matches(@"^0\d{2} \d{3} \d{4}$", node!["phone"]!.GetValue<string>()));
        Assert.Equal(1, app.Queries.Count);
    }

    [Fact]
    public async Task Management_ReadsSamePageWithinTimeToLive_QueriesNoKeysAndAfterItQueriesOnce()
    {
        await using var app = new KeyStoreQueryCountingApplication();
        await app.InitializeAsync();
        var client = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
        app.FakeClock.Advance(PastTimeToLive);
        var first = (await client.PostAsync(Page)).Ok().ToJsonString();

        app.Queries.Reset();
        app.FakeClock.Advance(TimeSpan.FromSeconds(30));
        var warm = (await client.PostAsync(Page)).Ok().ToJsonString();
        var warmQueries = app.Queries.Count;
        app.FakeClock.Advance(TimeSpan.FromSeconds(31));
        var expired = (await client.PostAsync(Page)).Ok().ToJsonString();

        Assert.Equal(0, warmQueries);
        Assert.Equal(1, app.Queries.Count);
        Assert.Equal(first, warm);
        Assert.Equal(first, expired);
    }

    [Fact]
    public async Task Management_ReadsTwoPages_QueriesOncePerPage()
    {
        await using var app = new KeyStoreQueryCountingApplication();
        await app.InitializeAsync();
        var client = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
        app.FakeClock.Advance(PastTimeToLive);
        app.Queries.Reset();

        var firstPage = (await client.PostAsync("{ profiles(first: 20) { nodes { fullName } pageInfo { endCursor } } }")).Ok()["profiles"]!;
        var after = firstPage["pageInfo"]!["endCursor"]!.GetValue<string>();
        var secondPage = (await client.PostAsync("query($after: String) { profiles(first: 20, after: $after) { nodes { fullName } } }", new { after })).Ok()["profiles"]!;

        Assert.Equal(20, secondPage["nodes"]!.AsArray().Count);
        Assert.Equal(2, app.Queries.Count);
    }
}
