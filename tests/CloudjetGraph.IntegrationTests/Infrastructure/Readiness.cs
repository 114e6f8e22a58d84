using System.Net;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>The host's readiness answer: <c>GET /health/ready</c>, its status and body.</summary>
public static class Readiness
{
    public static async Task<(HttpStatusCode Status, string Body)> ReadAsync(CloudjetApplication host)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
