using System.Net.Http.Json;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.RateLimiting;

/// <summary>
/// The client's address behind a reverse proxy: from <c>X-Forwarded-For</c> only when the request
/// comes from a proxy listed in <c>ForwardedHeaders</c>, and then only the entry that proxy appended.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Login = "mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }";
    private const string Proxy = "10.0.0.5";
    private const int PerAddress = 2;

    [Fact]
    public async Task Anonymous_DistinctClientsBehindTrustedProxy_AreLimitedApart()
    {
        await using var app = BehindProxy();
        await app.InitializeAsync();
        for (var attempt = 0; attempt < PerAddress; attempt++)
        {
            Assert.Equal(["AUTH_INVALID_CREDENTIALS"], (await LoginAsync(app, from: Proxy, forwardedFor: "198.51.100.1", attempt)).Codes);
        }

        Assert.Equal(["RATE_LIMITED"], (await LoginAsync(app, from: Proxy, forwardedFor: "198.51.100.1", PerAddress)).Codes);
        Assert.Equal(["AUTH_INVALID_CREDENTIALS"], (await LoginAsync(app, from: Proxy, forwardedFor: "198.51.100.2", 0)).Codes);
    }

    [Fact]
    public async Task Anonymous_RefusedBehindTrustedProxy_TrailNamesTheForwardedClient()
    {
        await using var app = BehindProxy();
        await app.InitializeAsync();
        var operation = AuditTrailRows.NewOperation("Forwarded");

        var refused = await SendAsync(app, Proxy, "198.51.100.7", $"query {operation} {{ profiles {{ totalCount }} }}", variables: null);
        await app.FlushDenialsAsync();

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], refused.Codes);
        Assert.Equal("198.51.100.7", Assert.Single(AuditTrailRows.Of(app, AuditEntryKinds.Denial, operation)).ActorSubject);
    }

    [Fact]
    public async Task Anonymous_ForwardedForWithoutTrustedProxies_DoesNotEscapeTheAddressLimit()
    {
        await using var app = new CloudjetApplication().With("RateLimits:LoginsPerAddressPerMinute", $"{PerAddress}");
        await app.InitializeAsync();

        var codes = new List<string?>();
        for (var attempt = 0; attempt <= PerAddress; attempt++)
        {
            codes.AddRange((await LoginAsync(app, from: "203.0.113.9", forwardedFor: $"198.51.100.{attempt + 1}", attempt)).Codes);
        }

        Assert.Equal(["AUTH_INVALID_CREDENTIALS", "AUTH_INVALID_CREDENTIALS", "RATE_LIMITED"], codes);
    }

    [Theory]
    [InlineData("203.0.113.9")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Anonymous_ForwardedForFromAnUntrustedSource_DoesNotEscapeTheAddressLimit(string source)
    {
        await using var app = BehindProxy();
        await app.InitializeAsync();

        var codes = new List<string?>();
        for (var attempt = 0; attempt <= PerAddress; attempt++)
        {
            codes.AddRange((await LoginAsync(app, from: source, forwardedFor: $"198.51.100.{attempt + 1}", attempt)).Codes);
        }

        Assert.Equal(["AUTH_INVALID_CREDENTIALS", "AUTH_INVALID_CREDENTIALS", "RATE_LIMITED"], codes);
    }

    [Fact]
    public async Task Anonymous_EntriesBeforeTheOneTheProxyAppended_DoNotEscapeTheAddressLimit()
    {
        await using var app = BehindProxy();
        await app.InitializeAsync();

        // The client writes its own X-Forwarded-For; the proxy appends the address it saw.
        var codes = new List<string?>();
        for (var attempt = 0; attempt <= PerAddress; attempt++)
        {
            codes.AddRange((await LoginAsync(app, from: Proxy, forwardedFor: $"192.0.2.{attempt + 1}, 198.51.100.9", attempt)).Codes);
        }

        Assert.Equal(["AUTH_INVALID_CREDENTIALS", "AUTH_INVALID_CREDENTIALS", "RATE_LIMITED"], codes);
    }

    private static CloudjetApplication BehindProxy() => new CloudjetApplication()
        .With("ForwardedHeaders:KnownProxies:0", Proxy)
        .With("RateLimits:LoginsPerAddressPerMinute", $"{PerAddress}");

    // A new account each attempt, so that only the per-address limit can refuse.
    private static Task<GraphQLResponse> LoginAsync(CloudjetApplication app, string from, string forwardedFor, int attempt) =>
        SendAsync(app, from, forwardedFor, Login, new { email = $"kiem.thu.forwarded{attempt}@example.vn", password = "Password123!" });

    private static async Task<GraphQLResponse> SendAsync(CloudjetApplication app, string from, string forwardedFor, string query, object? variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Add(TestClientAddress.Header, from);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await app.Client().SendAsync(request);
    }
}
