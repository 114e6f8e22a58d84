using CloudjetGraph.Core.KeyStore;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudjetGraph.Api.Health;

/// <summary>Registers and maps liveness (<c>/health/live</c>, alias <c>/healthz</c>) and readiness (<c>/health/ready</c>).</summary>
internal static class HealthServiceCollectionExtensions
{
    private const string Ready = "ready";

    public static IServiceCollection AddCloudjetHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LatestKeyCensus>();
        services.AddHealthChecks()
            .Add(StoreCheck(HealthCheckNames.Database, probes => probes.ProfileDatabaseAnswersAsync))
            .Add(StoreCheck(HealthCheckNames.KeyStore, probes => probes.KeyStoreAnswersAsync))
            .AddCheck<DataKeyRingHealthCheck>(HealthCheckNames.DataKeys, tags: [Ready])
            .AddCheck<KeyHierarchyCanaryHealthCheck>(HealthCheckNames.Canary, tags: [Ready])
            .AddCheck<KeyCensusHealthCheck>(HealthCheckNames.KeyCensus, tags: [Ready])
            .AddCheck<DisabledDataKeysHealthCheck>(HealthCheckNames.DisabledDataKeys, tags: [Ready])
            .AddCheck<RingElementsHealthCheck>(HealthCheckNames.RingFiles, tags: [Ready]);
        return services;
    }

    /// <summary>
    /// Maps the probes. Both are anonymous, outside the GraphQL rate limits, and never cached.
    /// Liveness runs no check: a process that answers is alive, and restarting it for a database
    /// outage would not help. Readiness runs them all.
    /// </summary>
    public static IEndpointRouteBuilder MapCloudjetHealth(this IEndpointRouteBuilder endpoints)
    {
        var live = new HealthCheckOptions { Predicate = _ => false };
        endpoints.MapHealthChecks("/health/live", live);

        // Deployments made before /health/live probe this path.
        endpoints.MapHealthChecks("/healthz", live);
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = ReadinessResponse.WriteAsync,
        });
        return endpoints;
    }

    // Resolved in the scope of each run, as the stores' contexts are.
    private static HealthCheckRegistration StoreCheck(string name, Func<StoreProbes, Func<CancellationToken, Task>> probe) =>
        new(name, services => new StoreAnswersHealthCheck(probe(services.GetRequiredService<StoreProbes>())), failureStatus: null, tags: [Ready]);
}
