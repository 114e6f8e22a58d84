using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Hosting;

/// <summary>
/// Every answer, whatever its status, keeps personal data out of caches and other sites' pages,
/// and names no server software.
/// </summary>
public sealed partial class SecurityHeadersTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    // Token: "management" for a management token, "invalid" for a refused one, null for none.
    [Theory]
    [InlineData("POST", "/graphql", "management", "{ profiles(first: 1) { nodes { fullName phone } } }", HttpStatusCode.OK)]
    [InlineData("GET", "/graphql?query={__typename}", null, null, HttpStatusCode.OK)]
    [InlineData("POST", "/graphql", null, "{", HttpStatusCode.BadRequest)]
    [InlineData("PUT", "/graphql", null, "{ __typename }", HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "/graphql", "invalid", "{ __typename }", HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/healthz", null, null, HttpStatusCode.OK)]
    [InlineData("GET", "/health/live", null, null, HttpStatusCode.OK)]
    [InlineData("GET", "/health/ready", null, null, HttpStatusCode.OK)]
    [InlineData("GET", "/no-such-path", null, null, HttpStatusCode.NotFound)]
    public async Task AnyCaller_AnyRequest_GetsNoStoreNoSniffAndNoReferrer(string method, string path, string? token, string? query, HttpStatusCode expectedStatus)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token == "management" ? app.StaffToken(DefaultRole.Management, "management-demo") : "not-a-token");
        }

        if (query is not null)
        {
            // "{" alone is not JSON: a body the handler refuses before reading any GraphQL.
            request.Content = query == "{" ? new StringContent(query, null, "application/json") : JsonContent.Create(new { query });
        }

        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(expectedStatus, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Gateway_ServedByKestrel_SendsSecurityHeadersAndNoServerHeader()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-kestrel", Guid.NewGuid().ToString("N"));
        try
        {
            using var gateway = ProjectProcess.StartGateway(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Cloudjet"] = $"Data Source={Path.Combine(dataDirectory, "cloudjet.db")}",
                ["DataProtection__KeyRingPath"] = Path.Combine(dataDirectory, "keys"),
            }, "--urls", "http://127.0.0.1:0");
            var address = (await gateway.WaitForAsync(ListeningOn(), TimeSpan.FromMinutes(2))).Groups[1].Value;
            using var http = new HttpClient { BaseAddress = new Uri(address) };

            using var response = await http.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Server"), "Kestrel named itself in a Server header.");
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
