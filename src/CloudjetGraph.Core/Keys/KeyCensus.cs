using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Profiles;
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
    TimeProvider time)
{
    // Every sealed field's property from the catalogue and the sealed password hash: a new sealed
    // field is counted without touching this list, so destroy-data never misses values under a key.
    private static readonly string[] SealedColumns = [.. PersonalFieldCatalogue.All.Select(d => d.Column.PropertyName), nameof(Profile.PasswordHash)];

    // Distinct person keys looked up in the key store per query.
    private const int LookupBatchSize = 2_000;

    private static readonly string[] IndexColumns = [.. PersonalFieldCatalogue.All.Select(d => d.BlindIndex?.PropertyName).OfType<string>()];

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
        var (sealedValues, namedPersonKeys) = await CountSealedValuesAsync(keyStoreReady ? keyStore : null, purposes, cancellationToken);
        var accessTags = Attribute(
            await CountHeadersAsync<Profile>([nameof(Profile.AccessTag)], AccessTagFormat.MacOffset, cancellationToken),
            header => AccessTagFormat.TryReadKeyId(header, out var id) && purposes.GetValueOrDefault(id) == DataKeyPurpose.RowIntegrity ? id : null);
        var indexEntries = Attribute(
            [
                .. await CountHeadersAsync<Profile>(IndexColumns, BlindIndexFormat.KeyHeaderSize, cancellationToken),
                .. await CountHeadersAsync<Invitation>([nameof(Invitation.EmailIndex)], BlindIndexFormat.KeyHeaderSize, cancellationToken),
            ],
            header => BlindIndexFormat.TryReadKeyId(header, out var id) && purposes.GetValueOrDefault(id) == DataKeyPurpose.BlindIndex ? id : null);

        var wrappingKeys = dataKeys.ToDictionary(k => k.Id, k => DataProtectionPayload.TryReadKeyId(k.WrappedKey, out var id) ? id : (Guid?)null);
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
    // live in different databases. So the distinct headers of every sealed value (one per person key
    // and format) stream out of one grouped query, and each batch of them is looked up in the key
    // store with one query: memory holds a batch, never every profile or key. Returns how many
    // distinct person keys of the key store the values name.
    private async Task<(HeaderTally Tally, long NamedPersonKeys)> CountSealedValuesAsync(
        KeyStoreDbContext? keyStore, Dictionary<Guid, DataKeyPurpose> purposes, CancellationToken cancellationToken)
    {
        var tally = new HeaderTally();
        var named = 0L;
        var batch = new List<(HeaderCount Row, Guid PersonKeyId)>(LookupBatchSize);
        await foreach (var row in GroupedHeaders<Profile>(SealedColumns, SealedValueFormat.KeyHeaderSize).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!SealedValueFormat.TryReadKeyId(row.Header, out var personKeyId))
            {
                tally.Add(row.Header, row.Count, keyId: null);
                continue;
            }

            batch.Add((row, personKeyId));
            if (batch.Count == LookupBatchSize)
            {
                named += await AttributeBatchAsync(batch, keyStore, purposes, tally, cancellationToken);
                batch.Clear();
            }
        }

        named += await AttributeBatchAsync(batch, keyStore, purposes, tally, cancellationToken);
        return (tally, named);
    }

    // The headers of one format name distinct person keys, so the keys found here are counted once.
    private static async Task<long> AttributeBatchAsync(
        List<(HeaderCount Row, Guid PersonKeyId)> batch, KeyStoreDbContext? keyStore, Dictionary<Guid, DataKeyPurpose> purposes, HeaderTally tally, CancellationToken cancellationToken)
    {
        var ids = batch.Select(b => b.PersonKeyId).ToList();
        var wrappingKeys = keyStore is null || ids.Count == 0
            ? []
            : await keyStore.PersonKeys.AsNoTracking().Where(k => ids.Contains(k.Id)).Select(k => new { k.Id, k.WrappingKeyId }).ToDictionaryAsync(k => k.Id, k => k.WrappingKeyId, cancellationToken);
        foreach (var (row, personKeyId) in batch)
        {
            tally.Add(row.Header, row.Count, wrappingKeys.TryGetValue(personKeyId, out var wrappingKeyId) && purposes.GetValueOrDefault(wrappingKeyId) == DataKeyPurpose.PersonKeyWrapping ? wrappingKeyId : null);
        }

        return wrappingKeys.Count;
    }

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

    // One grouped query per kind of value: the database returns a row per distinct header, so
    // only header bytes leave it, however many profiles there are.
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

    // As CountHeadersAsync, but grouped across the columns: one row per distinct header however
    // many columns hold it, streamed rather than listed.
    private IQueryable<HeaderCount> GroupedHeaders<TEntity>(IEnumerable<string> properties, int headerSize)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(TEntity))!;
        var table = sql.DelimitIdentifier(entity.GetTableName()!);
        var header = sql.DelimitIdentifier(nameof(HeaderCount.Header));
        var values = string.Join(" UNION ALL ", properties.Select(property =>
        {
            var column = sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());
            return $"SELECT substr({column}, 1, {headerSize}) AS {header} FROM {table} WHERE {column} IS NOT NULL";
        }));
        var query = $"SELECT {header}, COUNT(*) AS {sql.DelimitIdentifier(nameof(HeaderCount.Count))} FROM ({values}) AS sealed_values GROUP BY {header}";
        return db.Database.SqlQueryRaw<HeaderCount>(query);
    }

    private static HeaderTally Attribute(List<HeaderCount> headers, Func<byte[], Guid?> keyOf)
    {
        var tally = new HeaderTally();
        foreach (var row in headers)
        {
            tally.Add(row.Header, row.Count, keyOf(row.Header));
        }

        return tally;
    }
}
