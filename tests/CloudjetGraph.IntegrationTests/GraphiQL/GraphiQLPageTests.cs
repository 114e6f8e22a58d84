using System.Net;
using System.Text.RegularExpressions;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.GraphiQL;

/// <summary>
/// GraphiQL in Development: the page and every file it loads come from the gateway itself, under a
/// Content-Security-Policy that allows only the gateway's own origin, for GET and HEAD only.
/// </summary>
public sealed partial class GraphiQLPageTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string AssetsPrefix = "/graphql/ui/assets/";

    [GraphiQLBundleFact]
    public async Task Anyone_OpensGraphiQL_GetsThePageUnderTheOwnOriginPolicyWithNoExternalUrl()
    {
        using var response = await app.CreateClient().GetAsync("/graphql/ui");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(GraphiQLPolicy.ContentSecurityPolicy, GraphiQLPolicy.Of(response));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("<div id=\"graphiql\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("//", html.Replace("<!doctype html>", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var references = Reference().Matches(html).Select(match => match.Groups["url"].Value).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, url => Assert.StartsWith(AssetsPrefix, url, StringComparison.Ordinal));
    }

    [GraphiQLBundleFact]
    public async Task Anyone_LoadsEveryFileThePageAndItsStylesReference_GetsEachFromTheGatewayUnderThePolicy()
    {
        var http = app.CreateClient();
        var html = await http.GetStringAsync("/graphql/ui");
        var pending = new Queue<string>(Reference().Matches(html).Select(match => match.Groups["url"].Value));
        var loaded = new HashSet<string>();

        while (pending.TryDequeue(out var url))
        {
            if (!loaded.Add(url))
            {
                continue;
            }

            using var response = await http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {response.StatusCode}.");
            Assert.Equal(GraphiQLPolicy.ContentSecurityPolicy, GraphiQLPolicy.Of(response));
            if (url.EndsWith(".css", StringComparison.Ordinal))
            {
                // Fonts and images of the style sheets: files of the gateway, never data: or another site.
                var css = await response.Content.ReadAsStringAsync();
                foreach (Match match in StyleUrl().Matches(css))
                {
                    var target = match.Groups["url"].Value;
                    Assert.StartsWith(AssetsPrefix, target, StringComparison.Ordinal);
                    pending.Enqueue(target);
                }
            }
        }

        Assert.Contains(loaded, url => url.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(loaded, url => url.EndsWith(".woff2", StringComparison.Ordinal));
    }

    [GraphiQLBundleFact]
    public async Task Anyone_AsksForThePageWithHead_GetsItsHeadersAndNoBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/graphql/ui");
        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GraphiQLPolicy.ContentSecurityPolicy, GraphiQLPolicy.Of(response));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("POST", "/graphql/ui")]
    [InlineData("PUT", "/graphql/ui")]
    [InlineData("DELETE", "/graphql/ui")]
    [InlineData("POST", "/graphql/ui/index.html")]
    [InlineData("PATCH", "/graphql/ui/assets/anything.js")]
    public async Task Anyone_SendsAnotherMethodThanGetOrHead_GetsMethodNotAllowed(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{\"query\":\"{ __typename }\"}") };
        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    // What an attacker probes for: files beside the bundle, the gateway's settings, its sources.
    [Theory]
    [InlineData("/graphql/ui/assets/no-such-file.js")]
    [InlineData("/graphql/ui/assets")]
    [InlineData("/graphql/ui/package.json")]
    [InlineData("/graphql/ui/..%2F..%2Fappsettings.json")]
    [InlineData("/graphql/ui/assets/..%2F..%2F..%2F..%2Fappsettings.json")]
    [InlineData("/graphql/ui/%2e%2e/%2e%2e/%2e%2e/appsettings.json")]
    [InlineData("/graphql/ui/assets/%2e%2e%5c%2e%2e%5cvite.config.js")]
    public async Task Attacker_AsksForAFileOutsideTheBundle_GetsNotFoundAndNothingOfIt(string path)
    {
        using var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("ConnectionStrings", body, StringComparison.Ordinal);
        Assert.DoesNotContain("defineConfig", body, StringComparison.Ordinal);
        Assert.DoesNotContain("graphiql", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Anyone_CallsGraphQL_StillGetsTheApiPolicyThatAllowsNothing()
    {
        using var response = await app.CreateClient().GetAsync("/graphql?query={__typename}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", GraphiQLPolicy.Of(response));
    }

    [GeneratedRegex("(?:src|href)=\"(?<url>[^\"]*)\"")]
    private static partial Regex Reference();

    [GeneratedRegex("url\\((?<url>[^)]*)\\)")]
    private static partial Regex StyleUrl();
}
