using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudjetGraph.Api.Health;

/// <summary>
/// Degraded while the ring folder holds a key or revocation that the ring certificate does not
/// authenticate: the gateway ignores it and keeps serving with its ring, but someone who could
/// write the ring folder tried to plant it, and an operator must look. Its data names each
/// ignored key (or revocation) by id for the readiness body; the description (server log only)
/// names the file too.
/// </summary>
internal sealed class RingElementsHealthCheck(RingElementRefusals refusals) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(refusals.Current is [var first, ..] refused
            ? HealthCheckResult.Degraded(
                $"Ignored {refused.Count} unauthenticated ring file(s); {first.Describe()}.",
                data: refused.DistinctBy(element => element.KeyId).ToDictionary(element => element.KeyId, element => (object)(element.Kind == "revocation" ? "unauthenticated revocation" : "unauthenticated")))
            : HealthCheckResult.Healthy());
}
