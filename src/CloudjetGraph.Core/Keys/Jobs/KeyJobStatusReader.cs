using CloudjetGraph.Core.KeyStore;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>Reads the key jobs' state from the key store, for the Cli and the gateway alike; writes nothing.</summary>
public sealed class KeyJobStatusReader(IDbContextFactory<KeyStoreDbContext> keyStores, TimeProvider time)
{
    /// <summary>Every run recorded, most recently updated first.</summary>
    public async Task<IReadOnlyList<KeyJobStatus>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await keyStores.CreateDbContextAsync(cancellationToken);
        var lease = await db.KeyJobLeases.AsNoTracking().SingleAsync(l => l.Id == KeyJobLease.SingletonId, cancellationToken);
        var runs = await db.KeyJobRuns.AsNoTracking().ToListAsync(cancellationToken);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return runs.OrderByDescending(r => r.UpdatedAt).Select(run =>
        {
            var held = lease.Holder is not null && lease.ExpiresAtUnixMs >= now && lease.Kind == run.Kind && lease.Scope == run.Scope;
            var state = run.State == KeyJobStates.Done ? KeyJobStates.Done : held ? KeyJobStates.Running : KeyJobStates.Interrupted;
            return new KeyJobStatus(
                run.Kind,
                run.Scope,
                state,
                run.Examined,
                run.Changed,
                run.Conflicts,
                held ? lease.Holder : null,
                held ? DateTimeOffset.FromUnixTimeMilliseconds(lease.ExpiresAtUnixMs) : null,
                run.StartedAt,
                run.UpdatedAt,
                run.FinishedAt);
        }).ToList();
    }
}
