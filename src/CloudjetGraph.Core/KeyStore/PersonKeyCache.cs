using System.Diagnostics.CodeAnalysis;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>
/// Unwrapped person keys by profile id: bounded (<see cref="KeyStoreOptions.CacheSize"/>) and each
/// kept for <see cref="KeyStoreOptions.CacheTimeToLive"/> from its fetch, so a key shredded by
/// another process stops being served here within that time. A key that leaves, for any reason
/// (expiry, removal, replacement, a full cache, <see cref="Clear"/>), is disposed: its bytes are
/// zeroed and its AES-GCM instances disposed once no use is in flight.
/// </summary>
public sealed class PersonKeyCache : IDisposable, IUnwrappedKeyCache
{
    private static readonly PostEvictionCallbackRegistration DisposeOnEviction = new()
    {
        EvictionCallback = (_, value, _, _) => ((PersonKey)value!).Dispose(),
    };

    private readonly MemoryCache _cache;
    private readonly TimeSpan _timeToLive;
    private int _disposed;

    /// <summary>Creates the cache on the host's clock.</summary>
    public PersonKeyCache(IOptions<KeyStoreOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeToLive = options.Value.CacheTimeToLive;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.CacheSize, Clock = new TimeProviderClock(time) });
    }

    /// <summary>How many keys are cached now.</summary>
    public int Count => _cache.Count;

    /// <summary>The cached key of this profile, if present and not expired.</summary>
    internal bool TryGet(Guid profileId, [NotNullWhen(true)] out PersonKey? key) => _cache.TryGetValue(profileId, out key);

    /// <summary>
    /// Caches a freshly unwrapped key and takes it over: it is disposed when it leaves. When the
    /// cache is full the key is not kept (and the cache compacts), never exceeding the bound.
    /// </summary>
    internal void Set(PersonKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entry = new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _timeToLive };
        entry.PostEvictionCallbacks.Add(DisposeOnEviction);
        _cache.Set(key.ProfileId, key, entry);
    }

    /// <summary>Forgets the key of this profile.</summary>
    public void Remove(Guid profileId) => _cache.Remove(profileId);

    /// <summary>Forgets every key (a data key that wraps some of them was disabled).</summary>
    public void Clear() => _cache.Clear();

    /// <summary>Erases every key still held, then the cache.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _cache.Clear();
        _cache.Dispose();
    }
}
