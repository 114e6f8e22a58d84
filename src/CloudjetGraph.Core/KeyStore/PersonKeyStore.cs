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
    public async Task<IReadOnlyList<PersonKey>> CreateAsync(IReadOnlyCollection<Guid> profileIds, CancellationToken cancellationToken)
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
    /// Brings the keys of these profiles into the cache with at most one key store query. A key that
    /// fails to unwrap is logged and left out, so one damaged key row withholds only its own profile's
    /// fields (each then fails on its own), never the whole page.
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

        foreach (var row in rows)
        {
            try
            {
                cache.Set(wrapper.Unwrap(row));
            }
            catch (FieldIntegrityException)
            {
                LogPersonKeyRefused(logger, row.ProfileId);
            }
        }
    }

    /// <summary>The key of a profile, fetched when not cached.</summary>
    /// <exception cref="FieldIntegrityException">The profile has no key (shredded) or its key fails to unwrap.</exception>
    public async Task<PersonKey> GetAsync(Guid profileId, CancellationToken cancellationToken)
    {
        await LoadAsync([profileId], cancellationToken);
        return Cached(profileId) ?? throw NoKey(profileId);
    }

    /// <summary>
    /// The key of a profile for a synchronous reader (a field resolver): normally cached by the page's
    /// <see cref="LoadAsync"/>; fetched alone only when it left the cache in between.
    /// </summary>
    /// <exception cref="FieldIntegrityException">The profile has no key (shredded) or its key fails to unwrap.</exception>
    public PersonKey Get(Guid profileId)
    {
        if (Cached(profileId) is { } cached)
        {
            return cached;
        }

        using var db = contexts.CreateDbContext();
        var row = db.PersonKeys.AsNoTracking().SingleOrDefault(k => k.ProfileId == profileId) ?? throw NoKey(profileId);
        var key = wrapper.Unwrap(row);
        cache.Set(key);
        return key;
    }

    private PersonKey? Cached(Guid profileId) => cache.TryGet(profileId, out var key) ? key : null;

    [LoggerMessage(EventId = 1202, EventName = "PersonKeyRefused", Level = LogLevel.Warning, Message = "The person key of profile {ProfileId} failed to unwrap; its fields are withheld.")]
    private static partial void LogPersonKeyRefused(ILogger logger, Guid profileId);

    private static FieldIntegrityException NoKey(Guid profileId) =>
        new($"Profile {profileId} has no usable person key: it was shredded, its key row fails to unwrap, or the key store is not the one of this database.");
}
