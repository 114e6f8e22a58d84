using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Data Protection's key manager with a way to drop the ring it caches. The ring provider keeps a
/// ring until this manager's expiration token fires, which Data Protection does only for keys made
/// or revoked in this process (otherwise after about 24 hours): a ring key that the custodian tool
/// or another gateway added would go unseen. <see cref="ExpireCachedRing"/> fires the token, so the
/// next use re-reads the ring from its repository.
/// </summary>
public sealed class RefreshableKeyManager(IKeyManager inner) : IKeyManager, IDisposable
{
    private CancellationTokenSource _expiration = new();

    /// <summary>Makes the ring provider re-read every key on its next use.</summary>
    public void ExpireCachedRing()
    {
        using var expired = Interlocked.Exchange(ref _expiration, new CancellationTokenSource());
        expired.Cancel();
    }

    /// <inheritdoc />
    public IKey CreateNewKey(DateTimeOffset activationDate, DateTimeOffset expirationDate)
    {
        var key = inner.CreateNewKey(activationDate, expirationDate);
        ExpireCachedRing();
        return key;
    }

    /// <inheritdoc />
    public IReadOnlyCollection<IKey> GetAllKeys() => inner.GetAllKeys();

    /// <inheritdoc />
    public CancellationToken GetCacheExpirationToken() => Volatile.Read(ref _expiration).Token;

    /// <inheritdoc />
    public void RevokeAllKeys(DateTimeOffset revocationDate, string? reason = null)
    {
        inner.RevokeAllKeys(revocationDate, reason);
        ExpireCachedRing();
    }

    /// <inheritdoc />
    public void RevokeKey(Guid keyId, string? reason = null)
    {
        inner.RevokeKey(keyId, reason);
        ExpireCachedRing();
    }

    /// <inheritdoc />
    public void Dispose() => _expiration.Dispose();
}
