using System.Diagnostics.Metrics;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CloudjetGraph.IntegrationTests.Protection;

/// <summary>Decryption is counted through the gateway's own metric, scoped to this host.</summary>
public sealed class DecryptionCountTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    [Fact]
    public async Task Management_SelectsIdAndFullName_DecryptsExactlyOneValuePerProfile()
    {
        using var opened = OpenedCounter();

        var nodes = (await app.Client(app.StaffToken(DefaultRole.Management, "management-demo"))
            .PostAsync("{ profiles(first: 50) { nodes { id fullName } } }")).Ok()["profiles"]!["nodes"]!.AsArray();

        Assert.Equal(50, nodes.Count);
        var measurements = opened.GetMeasurementSnapshot();
        Assert.Equal(50, measurements.EvaluateAsCounter());
        Assert.All(measurements, m => Assert.Equal("fullName", m.Tags["column"]));
    }

    [Fact]
    public async Task Sales_SelectsDeniedFields_DecryptsOnlyTheAllowedOnes()
    {
        using var opened = OpenedCounter();

        var response = await app.Client(app.StaffToken(DefaultRole.Sales, "sales-demo"))
            .PostAsync("{ profiles(first: 10) { nodes { skype loginEmail phone } } }");

        Assert.Equal(20, response.Codes.Count(code => code == "AUTH_NOT_AUTHORIZED"));
        var measurements = opened.GetMeasurementSnapshot();
        Assert.Equal(10, measurements.EvaluateAsCounter());
        Assert.All(measurements, m => Assert.Equal("phone", m.Tags["column"]));
    }

    [Fact]
    public async Task Anonymous_SelectsEveryField_DecryptsNothing()
    {
        using var opened = OpenedCounter();

        var response = await app.Client().PostAsync("{ profiles { nodes { fullName email phone skype department jobTitle loginEmail } } }");

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.Codes);
        Assert.Empty(opened.GetMeasurementSnapshot());
    }

    private MetricCollector<long> OpenedCounter() =>
        new(app.Services.GetRequiredService<IMeterFactory>(), ProtectionMetrics.MeterName, ProtectionMetrics.FieldsOpenedInstrument);
}
