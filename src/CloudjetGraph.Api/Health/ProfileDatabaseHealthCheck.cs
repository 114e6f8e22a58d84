using CloudjetGraph.Core.KeyStore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudjetGraph.Api.Health;

/// <summary>Ready while the profile database answers a query (<see cref="StoreProbes"/>); an exception makes the check fail.</summary>
internal sealed class ProfileDatabaseHealthCheck(StoreProbes probes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await probes.ProfileDatabaseAnswersAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
