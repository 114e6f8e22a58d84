using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudjetGraph.Api.Health;

/// <summary>Ready while a store answers its probe (<see cref="Core.KeyStore.StoreProbes"/>); a probe that throws makes the check fail.</summary>
internal sealed class StoreAnswersHealthCheck(Func<CancellationToken, Task> probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await probe(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
