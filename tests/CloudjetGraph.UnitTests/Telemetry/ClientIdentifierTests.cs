using System.Diagnostics.Metrics;
using CloudjetGraph.Api.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.UnitTests.Telemetry;

public sealed class ClientIdentifierTests
{
    private static readonly TelemetryOptions Known = new() { KnownClients = { "kpi-web", "kpi.mobile" }, MaxClientVersions = 3 };

    [Theory]
    [InlineData("kpi-web", "2.3.1", "kpi-web", "2.3.1")]
    [InlineData("KPI-Web", "2.3.1", "kpi-web", "2.3.1")]
    [InlineData("kpi.mobile", null, "kpi.mobile", ClientIdentity.Unknown)]
    [InlineData("kpi-web", "2.3.1 <script>", "kpi-web", ClientIdentity.Other)]
    [InlineData("kpi-web", "1.0.0-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "kpi-web", ClientIdentity.Other)]
    [InlineData(null, "2.3.1", ClientIdentity.Unknown, null)]
    [InlineData("", null, ClientIdentity.Unknown, null)]
    [InlineData("curl", "8.5", ClientIdentity.Other, null)]
    [InlineData("kpi-web\u0000", "1", ClientIdentity.Other, null)]
    public void Identify_Headers_GivesABoundedNameAndVersion(string? name, string? version, string expectedName, string? expectedVersion)
    {
        var identity = Identifier(Known).Identify(Headers(name, version));

        Assert.Equal(new ClientIdentity(expectedName, expectedVersion), identity);
    }

    [Fact]
    public void Identify_VeryLongName_IsOther() =>
        Assert.Equal(ClientIdentity.Other, Identifier(Known).Identify(Headers(new string('k', 100_000), null)).Name);

    [Fact]
    public void Identify_ManyVersionsOfAKnownClient_KeepsTheFirstFewThenOther()
    {
        var identifier = Identifier(Known);

        var versions = Enumerable.Range(0, 1000).Select(i => identifier.Identify(Headers("kpi-web", $"1.{i}")).Version).Distinct().ToList();

        Assert.Equal(["1.0", "1.1", "1.2", ClientIdentity.Other], versions);
        Assert.Equal("1.1", identifier.Identify(Headers("kpi-web", "1.1")).Version);
    }

    [Fact]
    public void Requests_AThousandDistinctClientNamesAndVersions_RecordAtMostTheKnownClientsPlusTwoNames()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<GatewayMetrics>().BuildServiceProvider();
        var metrics = services.GetRequiredService<GatewayMetrics>();
        var identifier = Identifier(Known);
        var names = new HashSet<object?>();
        var versions = new HashSet<object?>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == TelemetryNames.Requests && instrument.Meter.Scope == services.GetRequiredService<IMeterFactory>())
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == TelemetryNames.ClientName)
                {
                    names.Add(tag.Value);
                }
                else if (tag.Key == TelemetryNames.ClientVersion)
                {
                    versions.Add(tag.Value);
                }
            }
        });
        listener.Start();

        for (var i = 0; i < 1000; i++)
        {
            var name = (i % 4) switch { 0 => $"client-{i}", 1 => "kpi-web", 2 => $"kpi-web-{i}", _ => null };
            using var scope = new GraphQLOperationScope(metrics, identifier.Identify(Headers(name, $"{i}.0.{i}")));
        }

        Assert.Equal(new HashSet<object?> { "kpi-web", ClientIdentity.Other, ClientIdentity.Unknown }, names);
        Assert.Equal(Known.MaxClientVersions + 1, versions.Count);
    }

    private static ClientIdentifier Identifier(TelemetryOptions options) => new(Options.Create(options));

    private static HeaderDictionary Headers(string? name, string? version)
    {
        var headers = new HeaderDictionary();
        if (name is not null)
        {
            headers[ClientIdentifier.NameHeader] = name;
        }

        if (version is not null)
        {
            headers[ClientIdentifier.VersionHeader] = version;
        }

        return headers;
    }
}
