using System.Globalization;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.KeyStore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudjetGraph.Api.Health;

/// <summary>
/// Degraded while stored values sit under a key that cannot open them (see
/// <see cref="UnreadableValues"/>): the gateway serves, but those fields answer
/// <c>DATA_INTEGRITY</c>, and a custodian must learn it from readiness rather than from users. The
/// result's data names each such key and its state; key ids are in every stored header and open
/// nothing, and no count is published (counts would tell an anonymous prober how many profiles exist).
/// </summary>
internal sealed class KeyCensusHealthCheck(LatestKeyCensus census) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        KeyInventory inventory;
        try
        {
            inventory = await census.ReadAsync(cancellationToken);
        }
        catch (KeyStoreMismatchException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The key store no longer belongs to the profile database.");
        }

        var unreadable = UnreadableValues.In(inventory);
        if (unreadable.Count == 0)
        {
            return HealthCheckResult.Healthy();
        }

        var named = unreadable.ToDictionary(under => under.KeyId?.ToString() ?? UnreadableValues.Unattributed, under => (object)under.State);
        var description = string.Join("; ", unreadable.Select(under => string.Create(CultureInfo.InvariantCulture,
            $"{under.Values} value(s) under {(under.KeyId is { } id ? $"data key {id} ({under.State})" : "no known key")}")));
        return HealthCheckResult.Degraded($"Stored values no key can open: {description}.", data: named);
    }
}
