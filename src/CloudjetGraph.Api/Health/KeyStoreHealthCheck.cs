using CloudjetGraph.Core.KeyStore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudjetGraph.Api.Health;

/// <summary>Ready while the key store answers a query (<see cref="StoreProbes"/>); an exception makes the check fail.</summary>
internal sealed class KeyStoreHealthCheck(StoreProbes probes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await probes.KeyStoreAnswersAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
