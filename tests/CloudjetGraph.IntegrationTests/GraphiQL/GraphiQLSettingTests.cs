using System.Net;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.GraphiQL;

/// <summary>
/// Where GraphiQL is served: not on a Production host unless <c>GraphiQL:Enabled</c> says so, and a
/// page saying how to build it where the gateway was built without Node.js.
/// </summary>
public sealed class GraphiQLSettingTests
{
    [Fact]
    public async Task Anyone_OpensGraphiQLOnAProductionHostByDefault_GetsNotFound()
    {
        using var ring = await ProductionRing.CreateAsync();
        await using var host = ring.Host();
        var http = host.CreateClient();

        using var page = await http.GetAsync("/graphql/ui");
        using var asset = await http.GetAsync("/graphql/ui/index.html");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asset.StatusCode);
        Assert.Empty(await page.Content.ReadAsByteArrayAsync());
    }

    [GraphiQLBundleFact]
    public async Task Anyone_OpensGraphiQLOnAProductionHostThatEnablesIt_GetsThePageUnderThePolicy()
    {
        using var ring = await ProductionRing.CreateAsync();
        await using var host = ring.Host().With("GraphiQL:Enabled", "true");

        using var response = await host.CreateClient().GetAsync("/graphql/ui");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GraphiQLPolicy.ContentSecurityPolicy, GraphiQLPolicy.Of(response));
        Assert.Contains("<div id=\"graphiql\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anyone_OpensGraphiQLOnAHostBuiltWithoutNode_GetsAPageSayingHowToEnableIt()
    {
        var emptyBundle = Directory.CreateTempSubdirectory("cloudjet-no-bundle");
        try
        {
            await using var host = new CloudjetApplication().With("GraphiQL:BundlePath", emptyBundle.FullName);
            using var response = await host.CreateClient().GetAsync("/graphql/ui");
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(GraphiQLPolicy.ContentSecurityPolicy, GraphiQLPolicy.Of(response));
            Assert.Contains("<h1>GraphiQL is not built</h1>", html, StringComparison.Ordinal);
            Assert.Contains("install Node.js 20.19 or later with npm", html, StringComparison.Ordinal);
            Assert.Contains("<code>dotnet build src/CloudjetGraph.Api</code>", html, StringComparison.Ordinal);
            Assert.DoesNotContain(emptyBundle.FullName, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        }
        finally
        {
            emptyBundle.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Anyone_OpensGraphiQLOnAHostWhoseBundleFolderIsMissing_GetsTheSamePageNotAnError()
    {
        var missing = Path.Combine(Path.GetTempPath(), "cloudjet-no-bundle", Guid.NewGuid().ToString("N"));
        await using var host = new CloudjetApplication().With("GraphiQL:BundlePath", missing);

        using var response = await host.CreateClient().GetAsync("/graphql/ui/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>GraphiQL is not built</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
