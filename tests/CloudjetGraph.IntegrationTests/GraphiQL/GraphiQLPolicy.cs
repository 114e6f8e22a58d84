namespace CloudjetGraph.IntegrationTests.GraphiQL;

/// <summary>What GraphiQL's answers must carry, written out here so that a change to the gateway's policy shows in a test.</summary>
internal static class GraphiQLPolicy
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; font-src 'self'; "
        + "connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string Of(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
}
