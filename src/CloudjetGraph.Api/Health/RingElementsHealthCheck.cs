using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudjetGraph.Api.Health;

/// <summary>
/// Degraded while the ring folder holds a key or revocation that the ring certificate does not
/// authenticate: the gateway ignores it and keeps serving with its ring, but someone who could
/// write the ring folder tried to plant it, and an operator must look. Its data names each
/// ignored key (or revocation) by id for the readiness body; the description (server log only)
/// names the file too. Degraded too while the folder holds a ring key whose revocation the database
/// records but the folder lacks: the key stays revoked, but someone removed its file.
/// </summary>
internal sealed class RingElementsHealthCheck(RingElementRefusals refusals, RecordedRevocations revocations) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var refused = refusals.Current;
        var missing = revocations.MissingFromFolder;
        if (refused.Count == 0 && missing.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy());
        }

        var data = refused.DistinctBy(element => element.KeyId).ToDictionary(element => element.KeyId, element => (object)(element.Kind == "revocation" ? "unauthenticated revocation" : "unauthenticated"));
        foreach (var keyId in missing)
        {
            data.TryAdd(keyId.ToString(), "revocation file missing");
        }

        var description = refused is [var first, ..]
            ? $"Ignored {refused.Count} unauthenticated ring file(s); {first.Describe()}."
            : $"The ring folder lacks the revocation of {missing.Count} revoked ring key(s), which the database keeps revoked.";
        return Task.FromResult(HealthCheckResult.Degraded(description, data: data));
    }
}
