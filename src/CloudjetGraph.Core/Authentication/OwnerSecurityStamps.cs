using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Authentication;

/// <summary>
/// Whether an owner token's security stamp is still its account's: checked on every owner request.
/// Each account's stamp is cached for at most <see cref="ProtectionOptions.RefreshInterval"/>, so a
/// password change or an erasure on another instance ends the account's older tokens within that
/// interval everywhere; on the instance that made it, at once.
/// </summary>
public sealed class OwnerSecurityStamps : IDisposable
{
    // Enough for every owner active within an interval; an entry is one account's stamp.
    private const int MaxCachedAccounts = 100_000;

    private static readonly Func<CloudjetDbContext, Guid, CancellationToken, Task<Guid?>> StampOf =
        EF.CompileAsyncQuery((CloudjetDbContext db, Guid id, CancellationToken _) =>
            db.Set<Profile>().Where(p => p.Id == id).Select(p => (Guid?)p.SecurityStamp).SingleOrDefault());

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeSpan _cacheFor;
    private readonly MemoryCache _stamps;

    /// <summary>Reads stamps through a scope of its own per lookup, and caches them for the ring's refresh interval.</summary>
    public OwnerSecurityStamps(IServiceScopeFactory scopes, IOptions<ProtectionOptions> protection, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(protection);
        _scopes = scopes;
        _cacheFor = protection.Value.RefreshInterval;
        _stamps = new MemoryCache(new MemoryCacheOptions { SizeLimit = MaxCachedAccounts, Clock = new TimeProviderClock(time) });
    }

    /// <summary>Whether <paramref name="stamp"/> is the account's current stamp; false for an account that no longer exists.</summary>
    public async Task<bool> IsCurrentAsync(Guid profileId, Guid stamp, CancellationToken cancellationToken)
    {
        if (!_stamps.TryGetValue(profileId, out Guid? current))
        {
            await using var scope = _scopes.CreateAsyncScope();
            current = await StampOf(scope.ServiceProvider.GetRequiredService<CloudjetDbContext>(), profileId, cancellationToken);
            _stamps.Set(profileId, current, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _cacheFor });
        }

        return current == stamp;
    }

    /// <summary>Drops the cached stamp of an account whose credentials changed or which was erased here.</summary>
    public void Forget(Guid profileId) => _stamps.Remove(profileId);

    /// <summary>Drops the cache.</summary>
    public void Dispose() => _stamps.Dispose();
}
