using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Authentication;

/// <summary>What a refused bearer token gets: 401, the RFC 6750 challenge and a coded GraphQL error, never data.</summary>
public static class InvalidTokenResponse
{
    public const string Challenge = "Bearer error=\"invalid_token\", error_description=\"The bearer token is invalid, expired or not accepted here.\"";

    public const string Body =
        """{"errors":[{"message":"The bearer token is invalid or expired. Send a valid token, or none for anonymous access.","extensions":{"code":"AUTH_INVALID_TOKEN"}}]}""";

    /// <summary>Sends <paramref name="query"/> with <paramref name="token"/> and asserts the refusal, exactly.</summary>
    public static async Task AssertRefusedAsync(CloudjetApplication app, string token, string query = "{ me { id fullName } }")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(Challenge, response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Body, await response.Content.ReadAsStringAsync());
    }
}
