using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>
/// Creates and fetches person keys: a page's missing keys in one batched key store query, then from
/// <see cref="PersonKeyCache"/>. A profile without a key row (shredded) can never be read again.
/// </summary>
public sealed partial class PersonKeyStore(
    IDbContextFactory<KeyStoreDbContext> contexts,
    PersonKeyWrapper wrapper,
    PersonKeyCache cache,
    DataKeyRing ring,
    KeyRingRefresher refresher,
    ILogger<PersonKeyStore> logger)
{
    /// <summary>Makes, stores and caches a new person key for each profile, in one write.</summary>
    internal async Task<IReadOnlyList<PersonKey>> CreateAsync(IReadOnlyCollection<Guid> profileIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        var created = profileIds.Select(wrapper.Create).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.PersonKeys.AddRange(created.Select(c => c.Row));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (_, key) in created)
        {
            cache.Set(key);
        }

        return created.Select(c => c.Key).ToList();
    }

    /// <summary>
    /// Brings the keys of these profiles into the cache with at most one key store query: for each,
    /// its newest key (the one a rekey moves it to). A key that fails to unwrap is logged and left
    /// out, so one damaged key row withholds only its own profile's fields (each then fails on its
    /// own), never the whole page.
    /// </summary>
    public async Task LoadAsync(IEnumerable<Guid> profileIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        var missing = profileIds.Distinct().Where(id => !cache.TryGet(id, out _)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.PersonKeys.AsNoTracking().Where(k => missing.Contains(k.ProfileId)).ToListAsync(cancellationToken);

        // Another instance may have rotated the wrapping key since this one last refreshed.
        if (rows.Any(row => !ring.TryGet(row.WrappingKeyId, out _)))
        {
            await refresher.RefreshForUnknownKeyAsync(cancellationToken);
        }

        foreach (var row in rows.GroupBy(k => k.ProfileId).Select(Newest))
        {
            TryCache(row);
        }
    }

    /// <summary>
    /// The key to seal new values of a profile under: its newest key row, read from the key store and
    /// not from the cache, because a rekey in another process may have moved the profile to a new key
    /// that the cache does not know yet. Load the profile row before calling this: then either the
    /// key is the one a concurrent rekey moved it to, or the profile's save fails its version check.
    /// </summary>
    /// <exception cref="FieldIntegrityException">The profile has no key (shredded) or its key fails to unwrap.</exception>
    internal async Task<PersonKey> GetForSealingAsync(Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.PersonKeys.AsNoTracking().Where(k => k.ProfileId == profileId).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            throw NoKey(profileId);
        }

        var newest = Newest(rows);
        return cache.TryGet(profileId, out var cached) && cached.Id == newest.Id ? cached : Remember(wrapper.Unwrap(newest));
    }

    /// <summary>
    /// The key <paramref name="keyId"/> of a profile, as a sealed value's header names it: from the
    /// cache when it holds that key, otherwise fetched (a cached key may be the one a rekey replaced).
    /// </summary>
    /// <exception cref="FieldIntegrityException">The profile has no such key (shredded, or another profile's) or it fails to unwrap.</exception>
    internal async Task<PersonKey> GetAsync(Guid profileId, Guid keyId, CancellationToken cancellationToken)
    {
        if (Cached(profileId, keyId) is { } cached)
        {
            return cached;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.PersonKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == keyId && k.ProfileId == profileId, cancellationToken) ?? throw NoKey(profileId);
        return Remember(wrapper.Unwrap(row));
    }

    /// <summary>
    /// The key <paramref name="keyId"/> of a profile for a synchronous reader (a field resolver):
    /// normally cached by the page's <see cref="LoadAsync"/>; fetched alone only when it left the
    /// cache in between or the cache holds the profile's other key (during or just after a rekey).
    /// </summary>
    /// <exception cref="FieldIntegrityException">The profile has no such key (shredded, or another profile's) or it fails to unwrap.</exception>
    internal PersonKey Get(Guid profileId, Guid keyId)
    {
        if (Cached(profileId, keyId) is { } cached)
        {
            return cached;
        }

        using var db = contexts.CreateDbContext();
        var row = db.PersonKeys.AsNoTracking().SingleOrDefault(k => k.Id == keyId && k.ProfileId == profileId) ?? throw NoKey(profileId);
        return Remember(wrapper.Unwrap(row));
    }

    // Person key ids are version 7, so the newest key also has the greatest creation time.
    private static WrappedPersonKey Newest(IEnumerable<WrappedPersonKey> rows) => rows.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id).First();

    private void TryCache(WrappedPersonKey row)
    {
        try
        {
            cache.Set(wrapper.Unwrap(row));
        }
        catch (DataKeyDisabledException)
        {
            // A custodian's decision, not damage: counted and recorded by the ring, not warned about per profile.
        }
        catch (FieldIntegrityException)
        {
            LogPersonKeyRefused(logger, row.ProfileId);
        }
    }

    private PersonKey Remember(PersonKey key)
    {
        cache.Set(key);
        return key;
    }

    private PersonKey? Cached(Guid profileId, Guid keyId) => cache.TryGet(profileId, out var key) && key.Id == keyId ? key : null;

    [LoggerMessage(EventId = 1202, EventName = "PersonKeyRefused", Level = LogLevel.Warning, Message = "The person key of profile {ProfileId} failed to unwrap; its fields are withheld.")]
    private static partial void LogPersonKeyRefused(ILogger logger, Guid profileId);

    private static FieldIntegrityException NoKey(Guid profileId) =>
        new($"Profile {profileId} has no usable person key: it was shredded, its key row fails to unwrap, or the key store is not the one of this database.");
}
