using System.Net;
using System.Net.Http.Json;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Hosting;

/// <summary>
/// Browsers may call the gateway from the origins in <c>Cors:AllowedOrigins</c> only, none by
/// default, proved with the preflight a browser sends before a cross-origin POST with a token.
/// </summary>
public sealed class CorsTests(CorsTarget allowing, CloudjetApplication byDefault) : IClassFixture<CorsTarget>, IClassFixture<CloudjetApplication>
{
    [Fact]
    public async Task Preflight_FromAllowedOrigin_AllowsPostWithAuthorization()
    {
        using var response = await PreflightAsync(allowing, CorsTarget.AllowedOrigin);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([CorsTarget.AllowedOrigin], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["GET,POST"], response.Headers.GetValues("Access-Control-Allow-Methods"));
        Assert.Equal(["Authorization,Content-Type,Accept"], response.Headers.GetValues("Access-Control-Allow-Headers"));
        Assert.Equal(["600"], response.Headers.GetValues("Access-Control-Max-Age"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://kpi.cloudjet.vn.evil.example")]
    [InlineData("https://evilkpi.cloudjet.vn")]
    [InlineData("http://kpi.cloudjet.vn")]
    [InlineData("https://kpi.cloudjet.vn:8443")]
    [InlineData("null")]
    public async Task Preflight_FromAnotherOrigin_IsNotAllowed(string origin)
    {
        using var response = await PreflightAsync(allowing, origin);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Preflight_WithNoOriginsConfigured_IsNotAllowed()
    {
        using var response = await PreflightAsync(byDefault, CorsTarget.AllowedOrigin);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Post_FromAllowedOrigin_IsReadableWithItsChallengeHeaders()
    {
        using var response = await PostAsync(allowing, CorsTarget.AllowedOrigin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([CorsTarget.AllowedOrigin], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["WWW-Authenticate,Retry-After"], response.Headers.GetValues("Access-Control-Expose-Headers"));
    }

    [Fact]
    public async Task Post_FromAnotherOrigin_CarriesNoAllowOrigin()
    {
        using var response = await PostAsync(allowing, "https://evil.example");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static async Task<HttpResponseMessage> PreflightAsync(CloudjetApplication app, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await app.CreateClient().SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostAsync(CloudjetApplication app, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ __typename }" }) };
        request.Headers.Add("Origin", origin);
        return await app.CreateClient().SendAsync(request);
    }
}
