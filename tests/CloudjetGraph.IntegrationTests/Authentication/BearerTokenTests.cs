using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace CloudjetGraph.IntegrationTests.Authentication;

/// <summary>
/// Tokens signed by the gateway itself: a token that is sent but fails validation, or whose claims
/// do not name exactly one known role, gets 401 with an RFC 6750 challenge, never anonymous access.
/// </summary>
public sealed class BearerTokenTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    [Fact]
    public async Task Anonymous_WithoutToken_IsServedAsAnonymous()
    {
        var response = await app.Client().PostAsync("{ me { id } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.Codes);
    }

    [Fact]
    public async Task Anonymous_WithAnotherAuthorizationScheme_IsServedAsAnonymous()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ me { id } }" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("management:demo")));

        var response = await app.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.Codes);
    }

    [Fact]
    public async Task Owner_WithExpiredToken_GetsInvalidTokenChallenge()
    {
        var profileId = await app.SignUpAsync(Owners.NewInput("expired"));
        var expired = GatewaySignedTokens.Sign(app, [new Claim("sub", profileId.ToString()), new Claim("role", "owner")], expires: DateTime.UtcNow.AddMinutes(-5));

        await InvalidTokenResponse.AssertRefusedAsync(app, expired);
    }

    [Fact]
    public async Task Owner_WithTokenStillValid_ReadsOwnProfile()
    {
        var profileId = await app.SignUpAsync(Owners.NewInput("fresh"));
        var stamp = app.WithDb(db => db.Profiles.Single(p => p.Id == profileId).SecurityStamp);
        var token = GatewaySignedTokens.Sign(app, [new Claim("sub", profileId.ToString()), new Claim("role", "owner"), new Claim("stamp", stamp.ToString())], expires: DateTime.UtcNow.AddMinutes(1));

        var response = await app.Client(token).PostAsync("{ me { id } }");

        Assert.Equal(profileId.ToString(), response.Ok()["me"]!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJtYW5hZ2VtZW50LWRlbW8iLCJyb2xlIjoibWFuYWdlbWVudCJ9.")] // alg "none"
    public async Task Caller_WithMalformedOrUnsignedToken_GetsInvalidTokenChallenge(string token)
    {
        await InvalidTokenResponse.AssertRefusedAsync(app, token, "{ profiles { totalCount } }");
    }

    [Fact]
    public async Task Sales_WithTokenEditedToManagement_GetsInvalidTokenChallenge()
    {
        var parts = app.StaffToken(DefaultRole.Sales, "sales-demo").Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"sales\"", "\"management\"", StringComparison.Ordinal);
        var edited = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        Assert.Contains("\"management\"", payload, StringComparison.Ordinal);
        await InvalidTokenResponse.AssertRefusedAsync(app, edited, "{ profiles { totalCount } }");
    }

    // Claim values are separated by '|'; null: no such claim at all.
    [Theory]
    [InlineData(null)]
    [InlineData("sales|management")]
    [InlineData("management|management")]
    [InlineData("admin")]
    [InlineData("anonymous")]
    [InlineData("")]
    [InlineData("2")] // DefaultRole.Management's number
    [InlineData("sales,management")]
    public async Task Staff_WithGatewaySignedTokenNotNamingExactlyOneKnownRole_GetsInvalidTokenChallenge(string? roles)
    {
        var token = GatewaySignedTokens.Sign(app, [new Claim("sub", "management-demo"), .. Claims("role", roles)]);

        await InvalidTokenResponse.AssertRefusedAsync(app, token, "{ profiles { totalCount } }");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("management-demo|sales-demo")]
    public async Task Staff_WithGatewaySignedTokenNotNamingExactlyOneSubject_GetsInvalidTokenChallenge(string? subjects)
    {
        var token = GatewaySignedTokens.Sign(app, [.. Claims("sub", subjects), new Claim("role", "management")]);

        await InvalidTokenResponse.AssertRefusedAsync(app, token, "{ profiles { totalCount } }");
    }

    [Fact]
    public async Task Caller_WithRefusedTokenAcceptingGraphQLResponse_GetsThatMediaType()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query={__typename}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        request.Headers.Accept.ParseAdd("application/graphql-response+json");

        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(InvalidTokenResponse.Body, await response.Content.ReadAsStringAsync());
    }

    /// <summary>One claim of <paramref name="type"/> per '|'-separated value; none for null.</summary>
    internal static IEnumerable<Claim> Claims(string type, string? values) =>
        values is null ? [] : values.Split('|').Select(value => new Claim(type, value));
}
