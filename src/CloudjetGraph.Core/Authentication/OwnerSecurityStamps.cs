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
/// Whether an owner token's security stamp is still its account's, and which policy version the
/// owner accepted: checked on every owner request.
/// Each account's stamp is cached for at most <see cref="ProtectionOptions.RefreshInterval"/>, so a
/// password change or an erasure on another instance ends the account's older tokens within that
/// interval everywhere; on the instance that made it, at once.
/// </summary>
public sealed class OwnerSecurityStamps : IDisposable
{
    // Enough for every owner active within an interval; an entry is one account's stamp.
    private const int MaxCachedAccounts = 100_000;

    // The policy version the owner accepted comes along: the consent gate reads it from this cache,
    // so an owner's request costs no query beyond the stamp's, and staff requests none.
    private static readonly Func<CloudjetDbContext, Guid, CancellationToken, Task<OwnerAccount?>> AccountOf =
        EF.CompileAsyncQuery((CloudjetDbContext db, Guid id, CancellationToken _) =>
            db.Set<Profile>().Where(p => p.Id == id).Select(p => new OwnerAccount(p.SecurityStamp, p.ConsentPolicyVersion)).SingleOrDefault());

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
    public async Task<bool> IsCurrentAsync(Guid profileId, Guid stamp, CancellationToken cancellationToken) =>
        (await AccountAsync(profileId, cancellationToken))?.SecurityStamp == stamp;

    /// <summary>The policy version the account's owner accepted, as cached with its stamp; null for an account that no longer exists.</summary>
    public async Task<string?> AcceptedPolicyVersionAsync(Guid profileId, CancellationToken cancellationToken) =>
        (await AccountAsync(profileId, cancellationToken))?.ConsentPolicyVersion;

    private async Task<OwnerAccount?> AccountAsync(Guid profileId, CancellationToken cancellationToken)
    {
        if (!_stamps.TryGetValue(profileId, out OwnerAccount? account))
        {
            await using var scope = _scopes.CreateAsyncScope();
            account = await AccountOf(scope.ServiceProvider.GetRequiredService<CloudjetDbContext>(), profileId, cancellationToken);
            _stamps.Set(profileId, account, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _cacheFor });
        }

        return account;
    }

    /// <summary>Drops the cached stamp of an account whose credentials or consent changed or which was erased here.</summary>
    public void Forget(Guid profileId) => _stamps.Remove(profileId);

    /// <summary>Drops the cache.</summary>
    public void Dispose() => _stamps.Dispose();
}

/// <summary>What is checked of an owner's account on each of their requests.</summary>
/// <param name="SecurityStamp">Changes with the password and on erasure.</param>
/// <param name="ConsentPolicyVersion">The policy version the owner accepted.</param>
internal sealed record OwnerAccount(Guid SecurityStamp, string ConsentPolicyVersion);
