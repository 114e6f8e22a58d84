using System.Diagnostics;
using System.Diagnostics.Metrics;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CloudjetGraph.IntegrationTests.Telemetry;

/// <summary>
/// The gateway with OpenTelemetry's in-memory exporters added after its own configuration, as an
/// OTLP exporter is: what they receive is what a collector would.
/// </summary>
public sealed class TelemetryApplication : CloudjetApplication
{
    private readonly LockedList<Activity> _spans = [];
    private readonly LockedList<MetricSnapshot> _metrics = [];

    /// <summary>Every span exported so far.</summary>
    public IReadOnlyList<Activity> Spans => _spans.Snapshot();

    /// <summary>Collects the metrics now and returns every snapshot exported so far.</summary>
    public IReadOnlyList<MetricSnapshot> CollectMetrics()
    {
        Assert.True(Services.GetRequiredService<MeterProvider>().ForceFlush(), "The metrics were not collected.");
        return _metrics.Snapshot();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
            services.ConfigureOpenTelemetryMeterProvider((provider, metrics) => metrics
                .AddView(instrument => OfAnotherHost(instrument, provider) ? MetricStreamConfiguration.Drop : null)
                .AddInMemoryExporter(_metrics));
        });
    }

    // A meter provider listens to meters by name, so in a test process it also hears the gateways of
    // other tests. When one of those stops, its instruments end the stream this host's instruments
    // share, and this host's later measurements were lost: the exporter must hear this host only.
    private static bool OfAnotherHost(Instrument instrument, IServiceProvider provider) =>
        instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, provider.GetRequiredService<IMeterFactory>());
}
