using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudjetGraph.Api.Health;

/// <summary>Ready only once startup has loaded the data keys; before that no personal value can open.</summary>
internal sealed class DataKeyRingHealthCheck(DataKeyRing ring) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(ring.IsLoaded ? HealthCheckResult.Healthy() : new HealthCheckResult(context.Registration.FailureStatus, "No data keys are loaded."));
}
