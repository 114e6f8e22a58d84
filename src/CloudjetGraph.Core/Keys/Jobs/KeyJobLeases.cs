using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using CloudjetGraph.Core.KeyStore;

namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>
/// The lease of all key jobs. One lease for every kind, not one per kind: a rekey deletes person key
/// rows that a rewrap would move, and jobs are rare custodian work, so running one at a time keeps
/// every job's reasoning to itself and concurrent gateway writes.
/// </summary>
public sealed class KeyJobLeases(IDbContextFactory<KeyStoreDbContext> keyStores, IOptions<KeyJobOptions> options, TimeProvider time)
{
    /// <summary>
    /// Takes (or renews) the lease for <paramref name="holder"/> with one conditional update: it
    /// succeeds only when the lease is free, expired, or already this holder's.
    /// </summary>
    /// <exception cref="KeyJobLeaseHeldException">Another runner holds it.</exception>
    public async Task AcquireAsync(string holder, string kind, string scope, CancellationToken cancellationToken)
    {
        await using var db = await keyStores.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var expires = now + (long)options.Value.LeaseDuration.TotalMilliseconds;
        var taken = await db.KeyJobLeases
            .Where(l => l.Id == KeyJobLease.SingletonId && (l.Holder == null || l.Holder == holder || l.ExpiresAtUnixMs < now))
            .ExecuteUpdateAsync(
                setters => setters.SetProperty(l => l.Holder, holder).SetProperty(l => l.Kind, kind).SetProperty(l => l.Scope, scope).SetProperty(l => l.ExpiresAtUnixMs, expires),
                cancellationToken);
        if (taken == 1)
        {
            return;
        }

        var lease = await db.KeyJobLeases.AsNoTracking().SingleAsync(l => l.Id == KeyJobLease.SingletonId, cancellationToken);
        throw new KeyJobLeaseHeldException(lease.Holder ?? "(nobody)", lease.Kind, lease.Scope, DateTimeOffset.FromUnixTimeMilliseconds(lease.ExpiresAtUnixMs));
    }

    /// <summary>Frees the lease if <paramref name="holder"/> still holds it.</summary>
    public async Task ReleaseAsync(string holder, CancellationToken cancellationToken)
    {
        await using var db = await keyStores.CreateDbContextAsync(cancellationToken);
        await db.KeyJobLeases
            .Where(l => l.Id == KeyJobLease.SingletonId && l.Holder == holder)
            .ExecuteUpdateAsync(setters => setters.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.Kind, (string?)null).SetProperty(l => l.Scope, (string?)null).SetProperty(l => l.ExpiresAtUnixMs, 0L), cancellationToken);
    }

    /// <summary>The lease as stored now.</summary>
    internal async Task<KeyJobLease> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await keyStores.CreateDbContextAsync(cancellationToken);
        return await db.KeyJobLeases.AsNoTracking().SingleAsync(l => l.Id == KeyJobLease.SingletonId, cancellationToken);
    }

    /// <summary>A holder id naming this process: host, process id and a random part.</summary>
    public static string NewHolderId() => $"{Environment.MachineName}/pid {Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
