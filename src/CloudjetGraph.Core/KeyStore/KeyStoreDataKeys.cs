using System.Security.Cryptography;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Data.Engines;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>
/// Where a data key's wrapped bytes live. Blind-index keys live in the key store, beside the person
/// keys and on the same short retention: a profile database backup then holds index entries but no
/// key that computes them, and destroying a key reaches every such backup once the key store's
/// backups have aged out. Their rows (state, dates) stay in the profile database with empty bytes,
/// so the lifecycle, the census and the audit read one table. Other purposes keep their bytes in
/// the row (docs/encryption.md says why).
/// </summary>
public sealed partial class KeyStoreDataKeys(
    CloudjetDbContext db,
    IDbContextFactory<KeyStoreDbContext> keyStores,
    DataKeyWrapper wrapper,
    TimeProvider time,
    ILogger<KeyStoreDataKeys> logger) : IKeptDataKeys
{
    Task<IReadOnlyDictionary<Guid, WrappedKeyLocation>> IKeptDataKeys.ReadAsync(IReadOnlyCollection<DataKey> keys, CancellationToken cancellationToken) => ReadAsync(keys, cancellationToken);

    Task IKeptDataKeys.StoreAsync(Guid id, DataKeyPurpose purpose, byte[] wrapped, CancellationToken cancellationToken) => StoreAsync(id, purpose, wrapped, cancellationToken);

    Task IKeptDataKeys.MoveIntoKeyStoreAsync(CancellationToken cancellationToken) => MoveIntoKeyStoreAsync(cancellationToken);

    /// <summary>
    /// The wrapped bytes of every key of <paramref name="keys"/> that is not destroyed, from where
    /// each lives. A kept key still in its row (a database this version has not started on yet) is
    /// read from the row.
    /// </summary>
    /// <exception cref="KeyStoreMismatchException">A kept key is in neither: destroyed after this profile database was copied, or the key store is another deployment's.</exception>
    internal async Task<IReadOnlyDictionary<Guid, WrappedKeyLocation>> ReadAsync(IReadOnlyCollection<DataKey> keys, CancellationToken cancellationToken)
    {
        var live = keys.Where(key => key.DestroyedAt is null).ToList();
        var kept = live.Where(key => IKeptDataKeys.Keeps(key.Purpose)).Select(key => key.Id).ToList();
        var stored = kept.Count == 0 ? [] : await ReadStoredAsync(kept, cancellationToken);
        var located = new Dictionary<Guid, WrappedKeyLocation>();
        foreach (var key in live)
        {
            // Another purpose's row is used as it is, so damaged bytes fail to unwrap naming the key.
            located[key.Id] = (IKeptDataKeys.Keeps(key.Purpose), stored.GetValueOrDefault(key.Id), key.WrappedKey) switch
            {
                (true, { } inKeyStore, _) => new WrappedKeyLocation(inKeyStore, InKeyStore: true),
                (true, null, { Length: 0 }) => throw NotInKeyStore(key),
                (_, _, var inRow) => new WrappedKeyLocation(inRow, InKeyStore: false),
            };
        }

        return located;
    }

    /// <summary>Writes a new kept key's wrapped bytes to the key store, before its row is written.</summary>
    internal async Task StoreAsync(Guid id, DataKeyPurpose purpose, byte[] wrapped, CancellationToken cancellationToken)
    {
        await using var keyStore = await keyStores.CreateDbContextAsync(cancellationToken);
        keyStore.DataKeys.Add(new StoredDataKey { Id = id, Purpose = purpose, WrappedKey = wrapped, StoredAt = time.GetUtcNow() });
        await keyStore.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Replaces a kept key's wrapped bytes if they are still <paramref name="original"/> (a master key rotation).</summary>
    /// <returns>False when they changed meanwhile and nothing was written.</returns>
    internal async Task<bool> ReplaceAsync(Guid id, byte[] original, byte[] wrapped, CancellationToken cancellationToken)
    {
        await using var keyStore = await keyStores.CreateDbContextAsync(cancellationToken);
        return await keyStore.DataKeys.Where(k => k.Id == id && k.WrappedKey == original)
            .ExecuteUpdateAsync(setters => setters.SetProperty(k => k.WrappedKey, wrapped), cancellationToken) == 1;
    }

    /// <summary>
    /// Deletes kept keys' wrapped bytes from the key store, on SQLite from its file and WAL at once:
    /// after a destruction, or left by one a crash interrupted.
    /// </summary>
    internal async Task EraseAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var keyStore = await keyStores.CreateDbContextAsync(cancellationToken);
        var (erased, flushed) = await SecureErasure.RunAsync(
            keyStore.Database,
            () => keyStore.DataKeys.Where(k => ids.Contains(k.Id)).ExecuteDeleteAsync(cancellationToken),
            cancellationToken);
        LogErased(logger, erased, flushed);
    }

    /// <summary>
    /// At startup, with both databases migrated and paired: moves every kept key still in its
    /// profile database row into the key store (copy, read back and compare the unwrapped material,
    /// then empty the row), and erases from the key store the bytes of keys whose row says destroyed.
    /// Each step can be interrupted and run again: a copy already made is checked, not made twice,
    /// and a row is emptied only while it still holds what was copied.
    /// </summary>
    /// <exception cref="KeyRingUnavailableException">A copy in the key store holds other material than the row (the move is refused, the row kept).</exception>
    public async Task MoveIntoKeyStoreAsync(CancellationToken cancellationToken)
    {
        var rows = await db.DataKeys.AsNoTracking().Where(k => IKeptDataKeys.Purposes.Contains(k.Purpose)).ToListAsync(cancellationToken);
        var destroyed = rows.Where(k => k.DestroyedAt is not null).Select(k => k.Id).ToList();
        if (destroyed.Count > 0 && (await ReadStoredAsync(destroyed, cancellationToken)).Count > 0)
        {
            await EraseAsync(destroyed, cancellationToken);
        }

        foreach (var row in rows.Where(k => k.DestroyedAt is null && k.WrappedKey.Length > 0))
        {
            await CopyAsync(row, cancellationToken);
            await EmptyRowAsync(row, cancellationToken);
            LogMoved(logger, row.Id);
        }
    }

    private async Task CopyAsync(DataKey row, CancellationToken cancellationToken)
    {
        if ((await ReadStoredAsync([row.Id], cancellationToken)).Count == 0)
        {
            await StoreAsync(row.Id, row.Purpose, row.WrappedKey, cancellationToken);
        }

        // Read back, and compared as material: a master key rotation may have re-wrapped the copy.
        var copy = (await ReadStoredAsync([row.Id], cancellationToken))[row.Id];
        var fromRow = wrapper.Unwrap(row.Id, row.Purpose, row.WrappedKey);
        var fromCopy = wrapper.Unwrap(row.Id, row.Purpose, copy);
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(fromRow, fromCopy))
            {
                throw new KeyRingUnavailableException(
                    $"Data key {row.Id} has other material in the key store (ConnectionStrings:{KeyStoreServiceCollectionExtensions.ConnectionStringName}) than in the profile database; it was not moved, and nothing was changed.");
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fromRow);
            CryptographicOperations.ZeroMemory(fromCopy);
        }
    }

    // Only while the row still holds the bytes that were copied; on SQLite the old bytes leave the file and its WAL.
    private async Task EmptyRowAsync(DataKey row, CancellationToken cancellationToken)
    {
        var original = row.WrappedKey;
        await SecureErasure.RunAsync(
            db.Database,
            () => db.DataKeys.Where(k => k.Id == row.Id && k.WrappedKey == original)
                .ExecuteUpdateAsync(setters => setters.SetProperty(k => k.WrappedKey, Array.Empty<byte>()), cancellationToken),
            cancellationToken);
    }

    private async Task<Dictionary<Guid, byte[]>> ReadStoredAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var keyStore = await keyStores.CreateDbContextAsync(cancellationToken);
        return await DatabaseSchema.IsInitializedAsync(keyStore.Database, cancellationToken)
            ? await keyStore.DataKeys.AsNoTracking().Where(k => ids.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.WrappedKey, cancellationToken)
            : [];
    }

    private static KeyStoreMismatchException NotInKeyStore(DataKey key) =>
        new($"The key store (ConnectionStrings:{KeyStoreServiceCollectionExtensions.ConnectionStringName}) does not hold {DataKeyPurposeLabels.Of(key.Purpose)} data key {key.Id}: it was destroyed after this profile database was copied, or the setting names another deployment's key store.");

    [LoggerMessage(EventId = 1207, EventName = "DataKeyMovedToKeyStore", Level = LogLevel.Information, Message = "Moved the wrapped bytes of data key {DataKeyId} from the profile database into the key store.")]
    private static partial void LogMoved(ILogger logger, Guid dataKeyId);

    [LoggerMessage(EventId = 1208, EventName = "StoredDataKeysErased", Level = LogLevel.Information, Message = "Erased {Count} data key(s) from the key store (journal flushed: {Flushed}).")]
    private static partial void LogErased(ILogger logger, int count, bool flushed);
}
