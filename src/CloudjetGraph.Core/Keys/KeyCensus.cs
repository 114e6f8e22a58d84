using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Onboarding;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Protection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CloudjetGraph.Core.Keys;

/// <summary>
/// Lists every key and counts what each protects, from key rows and stored headers only: it never
/// unwraps a data key or opens a value (a corrupt or foreign value is counted, not failed on), and
/// it creates nothing, neither a database nor a ring nor a key.
/// </summary>
public sealed class KeyCensus(
    CloudjetDbContext db,
    IDbContextFactory<KeyStoreDbContext> keyStores,
    IDefaultKeyResolver defaultKeyResolver,
    KeyRingBootstrapper bootstrapper,
    KeyStorePairing pairing,
    KeyStoreDataKeys keyStoreDataKeys,
    TimeProvider time)
{
    // Every sealed field's property from the catalogue and the sealed password hash: a new sealed
    // field is counted without touching this list, so destroy-data never misses values under a key.
    private static readonly string[] SealedColumns = [.. PersonalFieldCatalogue.All.Select(d => d.Column.PropertyName), nameof(Profile.PasswordHash)];

    // Profiles whose person keys are looked up in the key store per query.
    private const int LookupBatchSize = 2_000;

    private static readonly string[] IndexColumns = [.. PersonalFieldCatalogue.All.Select(d => d.BlindIndex?.PropertyName).OfType<string>()];

    // What one scan of the profiles reads: the sealed values, then the access tag, then the blind indexes.
    private static readonly (string Property, int HeaderSize)[] ScannedColumns =
    [
        .. SealedColumns.Select(column => (column, SealedValueFormat.KeyHeaderSize)),
        (nameof(Profile.AccessTag), AccessTagFormat.MacOffset),
        .. IndexColumns.Select(column => (column, BlindIndexFormat.KeyHeaderSize)),
    ];

    /// <summary>Reads the inventory.</summary>
    /// <exception cref="KeyRingUnavailableException">
    /// The ring is missing, empty or unreadable, or the database is missing, not migrated to this
    /// version, or holds no data keys.
    /// </exception>
    /// <exception cref="KeyStoreMismatchException">
    /// The key store is missing, empty or another database's: counted through it, every value would
    /// look unattributed and every key unused.
    /// </exception>
    public async Task<KeyInventory> ReadAsync(CancellationToken cancellationToken)
    {
        // The census never creates a ring, so it refuses a missing or empty one in every
        // environment, as the gateway does outside Development.
        var masterKeys = await bootstrapper.RequireExistingRingAsync(cancellationToken);
        await EnsureDatabaseReadyAsync(cancellationToken);
        await pairing.VerifyAsync(cancellationToken);
        var dataKeys = (await db.DataKeys.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(k => k.CreatedAt).ThenBy(k => k.Id).ToList();
        if (dataKeys.Count == 0)
        {
            throw new KeyRingUnavailableException("The database holds no data keys yet; start the gateway once to create them.");
        }

        bootstrapper.CheckAtRest(masterKeys, dataKeys);

        var purposes = dataKeys.ToDictionary(k => k.Id, k => k.Purpose);
        await using var keyStore = await keyStores.CreateDbContextAsync(cancellationToken);
        var keyStoreReady = await DatabaseSchema.IsInitializedAsync(keyStore.Database, cancellationToken);
        var personKeysPerDataKey = keyStoreReady ? await CountPersonKeysAsync(keyStore, cancellationToken) : [];
        var (sealedValues, namedPersonKeys, accessTags, indexEntries) = await CountProfileValuesAsync(keyStoreReady ? keyStore : null, purposes, cancellationToken);
        foreach (var invitationIndex in await CountHeadersAsync<Invitation>([nameof(Invitation.EmailIndex)], BlindIndexFormat.KeyHeaderSize, cancellationToken))
        {
            indexEntries.Add(invitationIndex.Header, invitationIndex.Count, IndexKeyOf(invitationIndex.Header, purposes));
        }

        // Blind-index keys' bytes are in the key store: one it lacks refuses the census (another
        // deployment's store, or a profile database copied before the key was destroyed).
        var located = await keyStoreDataKeys.ReadAsync(dataKeys, cancellationToken);
        var wrappingKeys = dataKeys.ToDictionary(k => k.Id, k => located.TryGetValue(k.Id, out var wrapped) && DataProtectionPayload.TryReadKeyId(wrapped.Wrapped, out var id) ? id : (Guid?)null);
        var dataKeyEntries = dataKeys.Select(key => new DataKeyEntry(
            key.Id,
            DataKeyPurposeLabels.Of(key.Purpose),
            DataKeyStates.Of(key),
            wrappingKeys[key.Id],
            key.CreatedAt,
            new DataKeyCensus(
                sealedValues.ByKey.GetValueOrDefault(key.Id) ?? new Dictionary<int, long>(),
                indexEntries.ByKey.GetValueOrDefault(key.Id)?.Values.Sum() ?? 0,
                accessTags.ByKey.GetValueOrDefault(key.Id)?.Values.Sum() ?? 0,
                personKeysPerDataKey.GetValueOrDefault(key.Id)))).ToList();

        var defaultKeyId = defaultKeyResolver.ResolveDefaultKeyPolicy(time.GetUtcNow(), masterKeys).DefaultKey?.KeyId;
        var masterKeyEntries = masterKeys.OrderBy(k => k.CreationDate).ThenBy(k => k.KeyId).Select(key => new MasterKeyEntry(
            key.KeyId,
            key.CreationDate,
            key.ActivationDate,
            key.ExpirationDate,
            key.IsRevoked,
            key.KeyId == defaultKeyId,
            new MasterKeyCensus(wrappingKeys.Values.Count(id => id == key.KeyId)))).ToList();

        return new KeyInventory(
            masterKeyEntries,
            dataKeyEntries,
            new UnattributedValues(sealedValues.Unattributed, indexEntries.Unattributed.Values.Sum(), accessTags.Unattributed.Values.Sum()),
            personKeysPerDataKey.Values.Sum() - namedPersonKeys);
    }

    // Person keys per wrapping data key, counted by the key store; a key store not created yet (a
    // new pair, which the pairing check let through) holds none and is not created.
    private static async Task<Dictionary<Guid, long>> CountPersonKeysAsync(KeyStoreDbContext keyStore, CancellationToken cancellationToken) =>
        await keyStore.PersonKeys.GroupBy(k => k.WrappingKeyId).Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    // A value names its person key; the key store row names the data key that wraps it, and the two
    // live in different databases. So one scan of the profiles reads every value's header, and the
    // person keys named by each batch of rows are looked up in the key store with one query: memory
    // holds a batch, never every profile or key. Access tags and blind index entries name their data
    // key in their header. Also returns how many person keys of the key store the values name.
    private async Task<(HeaderTally Sealed, long NamedPersonKeys, HeaderTally AccessTags, HeaderTally IndexEntries)> CountProfileValuesAsync(
        KeyStoreDbContext? keyStore, Dictionary<Guid, DataKeyPurpose> purposes, CancellationToken cancellationToken)
    {
        var sealedValues = new HeaderTally();
        var accessTags = new HeaderTally();
        var indexEntries = new HeaderTally();
        var named = 0L;
        var rows = 0;
        var batch = new List<byte[]>();
        await foreach (var headers in ProfileHeaderScan.ReadAsync(db, ScannedColumns, cancellationToken).WithCancellation(cancellationToken))
        {
            batch.AddRange(headers[..SealedColumns.Length].OfType<byte[]>());
            if (headers[SealedColumns.Length] is { } tag)
            {
                accessTags.Add(tag, 1, AccessTagFormat.TryReadKeyId(tag, out var id) && purposes.GetValueOrDefault(id) == DataKeyPurpose.RowIntegrity ? id : null);
            }

            foreach (var index in headers[(SealedColumns.Length + 1)..].OfType<byte[]>())
            {
                indexEntries.Add(index, 1, IndexKeyOf(index, purposes));
            }

            if (++rows % LookupBatchSize == 0)
            {
                named += await AttributeBatchAsync(batch, keyStore, purposes, sealedValues, cancellationToken);
                batch.Clear();
            }
        }

        named += await AttributeBatchAsync(batch, keyStore, purposes, sealedValues, cancellationToken);
        return (sealedValues, named, accessTags, indexEntries);
    }

    // A person key belongs to one profile, so the keys one batch names are named by no other batch
    // (a value copied from another profile's row aside, which its binding never lets open).
    private static async Task<long> AttributeBatchAsync(
        List<byte[]> headers, KeyStoreDbContext? keyStore, Dictionary<Guid, DataKeyPurpose> purposes, HeaderTally tally, CancellationToken cancellationToken)
    {
        var ids = headers.Select(header => SealedValueFormat.TryReadKeyId(header, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        var wrappingKeys = keyStore is null || ids.Count == 0
            ? []
            : await keyStore.PersonKeys.AsNoTracking().Where(k => ids.Contains(k.Id)).Select(k => new { k.Id, k.WrappingKeyId }).ToDictionaryAsync(k => k.Id, k => k.WrappingKeyId, cancellationToken);
        foreach (var header in headers)
        {
            var attributedTo = SealedValueFormat.TryReadKeyId(header, out var personKeyId)
                && wrappingKeys.TryGetValue(personKeyId, out var wrappingKeyId)
                && purposes.GetValueOrDefault(wrappingKeyId) == DataKeyPurpose.PersonKeyWrapping
                    ? wrappingKeyId
                    : (Guid?)null;
            tally.Add(header, 1, attributedTo);
        }

        return wrappingKeys.Count;
    }

    private static Guid? IndexKeyOf(byte[] header, Dictionary<Guid, DataKeyPurpose> purposes) =>
        BlindIndexFormat.TryReadKeyId(header, out var id) && purposes.GetValueOrDefault(id) == DataKeyPurpose.BlindIndex ? id : null;

    private async Task EnsureDatabaseReadyAsync(CancellationToken cancellationToken)
    {
        if (!await DatabaseSchema.IsInitializedAsync(db.Database, cancellationToken))
        {
            throw new KeyRingUnavailableException("The database holds no data keys yet; start the gateway once to create them.");
        }

        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new KeyRingUnavailableException("The database schema is older than this tool; start the gateway of this version once to migrate it.");
        }
    }

    // A grouped query for a small table's values: the database returns a row per distinct header,
    // so only header bytes leave it.
    private async Task<List<HeaderCount>> CountHeadersAsync<TEntity>(IEnumerable<string> properties, int headerSize, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(TEntity))!;
        var table = sql.DelimitIdentifier(entity.GetTableName()!);
        var query = string.Join(" UNION ALL ", properties.Select(property =>
        {
            var column = sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());
            var header = $"substr({column}, 1, {headerSize})";
            return $"SELECT {header} AS {sql.DelimitIdentifier(nameof(HeaderCount.Header))}, COUNT(*) AS {sql.DelimitIdentifier(nameof(HeaderCount.Count))} FROM {table} WHERE {column} IS NOT NULL GROUP BY {header}";
        }));
        return await db.Database.SqlQueryRaw<HeaderCount>(query).ToListAsync(cancellationToken);
    }
}
