using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudjetGraph.Api.Health;

/// <summary>
/// Degraded while a data key is disabled or scheduled for destruction: the gateway serves, but
/// values under that key are withheld. Its data names each key by id and purpose, nothing more.
/// </summary>
internal sealed class DisabledDataKeysHealthCheck(DataKeyRing ring) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var disabled = ring.Disabled;
        return Task.FromResult(disabled.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded(
                $"{disabled.Count} data key(s) disabled; values under them are withheld (KEY_DISABLED).",
                data: disabled.ToDictionary(k => k.Id.ToString(), k => (object)DataKeyPurposeLabels.Of(k.Purpose))));
    }
}
