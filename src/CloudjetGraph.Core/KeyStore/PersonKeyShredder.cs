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
    /// Deletes the key row so that its bytes leave the key store file and its WAL too, then evicts the
    /// key from this process's cache. Other processes stop serving it within the cache's time to live.
    /// </summary>
    /// <returns>Whether the profile had a key.</returns>
    public async Task<bool> ShredAsync(Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var isSqlite = db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Without secure_delete a deleted row's bytes stay in the page's free space (NOTES.md).
            if (isSqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON;", cancellationToken);
            }

            var deleted = await db.PersonKeys.Where(k => k.ProfileId == profileId).ExecuteDeleteAsync(cancellationToken);

            // The WAL still holds the page as it was before; folding it in and truncating removes it.
            if (isSqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
            }

            cache.Remove(profileId);
            LogShredded(logger, profileId, deleted > 0);
            return deleted > 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(EventId = 1201, EventName = "PersonKeyShredded", Level = LogLevel.Information, Message = "Shredded the person key of profile {ProfileId} (a key existed: {Existed}).")]
    private static partial void LogShredded(ILogger logger, Guid profileId, bool existed);
}
