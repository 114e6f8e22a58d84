using CloudjetGraph.Core.KeyStore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudjetGraph.Api.Health;

/// <summary>Ready while a canary seals and opens through the whole key hierarchy, from storage (<see cref="KeyHierarchyCanary"/>).</summary>
internal sealed class KeyHierarchyCanaryHealthCheck(KeyHierarchyCanary canary) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await canary.FailureAsync(cancellationToken) is { } failure
            ? new HealthCheckResult(context.Registration.FailureStatus, failure)
            : HealthCheckResult.Healthy();
}
