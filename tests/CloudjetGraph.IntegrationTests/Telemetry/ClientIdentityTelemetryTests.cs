using System.Net.Http.Json;
using CloudjetGraph.Api.Telemetry;
using OpenTelemetry;

namespace CloudjetGraph.IntegrationTests.Telemetry;

/// <summary>The client headers, through HTTP, as the exported request counts and operation spans carry them.</summary>
public sealed class ClientIdentityTelemetryTests : IAsyncLifetime
{
    private readonly TelemetryApplication _host = (TelemetryApplication)new TelemetryApplication().With("Telemetry:KnownClients:0", "kpi-web");

    public Task InitializeAsync() => _host.InitializeAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Requests_WithClientHeaders_AreCountedAndTracedByKnownClientOtherOrUnknown()
    {
        await PingAsync("KPI-Web", "2.3.1");
        await PingAsync("scraper <script>", "9.9.9");
        await PingAsync(null, null);

        var counted = _host.CollectMetrics().Last(metric => metric.Name == TelemetryNames.Requests).MetricPoints
            .Select(point => Client(Tags(point.Tags)))
            .ToHashSet();
        var traced = _host.Spans.Where(span => span.Source.Name == TelemetryNames.GraphQL)
            .Select(span => Client(span.TagObjects.ToDictionary(tag => tag.Key, tag => tag.Value)))
            .ToHashSet();

        HashSet<(object?, object?)> expected = [("kpi-web", "2.3.1"), (ClientIdentity.Other, null), (ClientIdentity.Unknown, null)];
        Assert.Equal(expected, counted);
        Assert.Equal(expected, traced);
    }

    private static (object? Name, object? Version) Client(Dictionary<string, object?> tags) =>
        (tags.GetValueOrDefault(TelemetryNames.ClientName), tags.GetValueOrDefault(TelemetryNames.ClientVersion));

    private static Dictionary<string, object?> Tags(ReadOnlyTagCollection tags)
    {
        var read = new Dictionary<string, object?>();
        foreach (var (key, value) in tags)
        {
            read[key] = value;
        }

        return read;
    }

    private async Task PingAsync(string? name, string? version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "query Ping { __typename }" }) };
        if (name is not null)
        {
            request.Headers.TryAddWithoutValidation(ClientIdentifier.NameHeader, name);
            request.Headers.TryAddWithoutValidation(ClientIdentifier.VersionHeader, version);
        }

        Assert.Equal("Query", (await _host.Client().SendAsync(request)).Ok()["__typename"]!.GetValue<string>());
    }
}
