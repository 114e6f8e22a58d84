using CloudjetGraph.Core.Data.Engines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>
/// Crypto-shredding: destroys a profile's person key, and with it every copy of that profile's
/// sealed values (database file, journal, replicas, exports, backups). Irreversible.
/// </summary>
public sealed partial class PersonKeyShredder(IDbContextFactory<KeyStoreDbContext> contexts, PersonKeyCache cache, ILogger<PersonKeyShredder> logger)
{
    /// <summary>
    /// Deletes the key row so that its bytes leave the key store (on SQLite its file and WAL at once),
    /// then evicts the key from this process's cache. Other processes stop serving it within the
    /// cache's time to live.
    /// </summary>
    /// <returns>Whether the profile had a key.</returns>
    public async Task<bool> ShredAsync(Guid profileId, CancellationToken cancellationToken)
    {
        var deleted = await DeleteAsync([profileId], cancellationToken);
        LogShredded(logger, profileId, deleted > 0);
        return deleted > 0;
    }

    /// <summary>
    /// Shreds the keys of several profiles in one delete and one checkpoint (an organisation's
    /// erasure, batch by batch), as <see cref="ShredAsync(Guid, CancellationToken)"/> does for one.
    /// </summary>
    /// <returns>How many key rows were deleted (a profile in a rekey has two; a shredded one none).</returns>
    public async Task<int> ShredAsync(IReadOnlyCollection<Guid> profileIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        var deleted = await DeleteAsync(profileIds, cancellationToken);
        LogShreddedBatch(logger, profileIds.Count, deleted);
        return deleted;
    }

    private async Task<int> DeleteAsync(IReadOnlyCollection<Guid> profileIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Until a pass finds nothing: a rekey holding the old key's lock when the first pass began
        // commits a new key for the same person, which that pass cannot see.
        var (deleted, flushed) = await SecureErasure.RunAsync(
            db.Database,
            async () =>
            {
                var deleted = 0;
                for (int pass; (pass = await db.PersonKeys.Where(k => profileIds.Contains(k.ProfileId)).ExecuteDeleteAsync(cancellationToken)) > 0;)
                {
                    deleted += pass;
                }

                return deleted;
            },
            cancellationToken);
        if (!flushed)
        {
            LogKeyStoreFlushBusy(logger, profileIds.Count);
        }

        foreach (var profileId in profileIds)
        {
            cache.Remove(profileId);
        }

        return deleted;
    }

    [LoggerMessage(EventId = 1204, EventName = "PersonKeyFlushBusy", Level = LogLevel.Warning, Message = "The key store's WAL could not be truncated after shredding the person keys of {ProfileCount} profile(s) (readers busy); the deleted keys' pages leave it at the next checkpoint.")]
    private static partial void LogKeyStoreFlushBusy(ILogger logger, int profileCount);

    [LoggerMessage(EventId = 1201, EventName = "PersonKeyShredded", Level = LogLevel.Information, Message = "Shredded the person key of profile {ProfileId} (a key existed: {Existed}).")]
    private static partial void LogShredded(ILogger logger, Guid profileId, bool existed);

    [LoggerMessage(EventId = 1203, EventName = "PersonKeysShredded", Level = LogLevel.Information, Message = "Shredded the person keys of {ProfileCount} profile(s): {KeyCount} key row(s) deleted.")]
    private static partial void LogShreddedBatch(ILogger logger, int profileCount, int keyCount);
}
