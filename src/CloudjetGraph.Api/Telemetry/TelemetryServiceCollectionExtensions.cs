using CloudjetGraph.Core.Keys.Jobs;
using CloudjetGraph.Core.Protection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CloudjetGraph.Api.Telemetry;

/// <summary>Traces and metrics with OpenTelemetry, exported over OTLP when an endpoint is set.</summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>The service name exporters report, unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "cloudjet-graph";

    public static IServiceCollection AddCloudjetTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>()
            .BindConfiguration(TelemetryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<ClientIdentifier>();

        // Whether to export decides which exporters exist, so it is read now; a bad value stops
        // startup through the validation above, naming the key, rather than throwing here.
        var endpoint = configuration[$"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.OtlpEndpoint)}"] is { Length: > 0 } value
            && Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(TelemetryNames.GraphQL)
                    // An exception's text is not ours to vouch for: it may quote a value.
                    .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.RecordException = false)
                    .AddEntityFrameworkCoreInstrumentation()

                    // Query strings and SQL text and parameters, whatever the instrumentations'
                    // settings say; added before any exporter, so that none of them sees them.
                    .AddProcessor(new SensitiveTagScrubber());
                if (endpoint is not null)
                {
                    tracing.AddOtlpExporter(otlp => otlp.Endpoint = endpoint);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(TelemetryNames.GraphQL, ProtectionMetrics.MeterName, KeyJobMetrics.MeterName)
                    .AddAspNetCoreInstrumentation();
                if (endpoint is not null)
                {
                    metrics.AddOtlpExporter(otlp => otlp.Endpoint = endpoint);
                }
            });
        return services;
    }
}
