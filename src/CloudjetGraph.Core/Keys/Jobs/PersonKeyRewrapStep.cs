using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>
/// <c>keys rewrap</c>: moves every person key not under the active person-key data key to it (the
/// same key material wrapped again). Key store rows only: no profile row and no sealed value changes.
/// </summary>
internal sealed partial class PersonKeyRewrapStep(IDbContextFactory<KeyStoreDbContext> keyStores, PersonKeyWrapper wrapper, DataKeyRing ring, ILogger<PersonKeyRewrapStep> logger) : IKeyJobStep
{
    private static readonly string[] RewrappedColumns = [nameof(WrappedPersonKey.WrappingKeyId), nameof(WrappedPersonKey.WrappedKey)];

    /// <inheritdoc />
    public async Task<long> CountPendingAsync(CancellationToken cancellationToken)
    {
        var active = ring.Active(DataKeyPurpose.PersonKeyWrapping).Id;
        await using var db = await keyStores.CreateDbContextAsync(cancellationToken);
        return await db.PersonKeys.LongCountAsync(k => k.WrappingKeyId != active, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<KeyJobBatchResult> RunBatchAsync(Guid? after, int batchSize, bool dryRun, CancellationToken cancellationToken)
    {
        var active = ring.Active(DataKeyPurpose.PersonKeyWrapping).Id;
        await using var db = await keyStores.CreateDbContextAsync(cancellationToken);
        var rows = await db.PersonKeys.AsNoTracking()
            .Where(k => k.WrappingKeyId != active && (after == null || k.Id.CompareTo(after.Value) > 0))
            .OrderBy(k => k.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0 || dryRun)
        {
            return new KeyJobBatchResult(rows.Count, rows.Count, 0, rows.Count == 0 ? null : rows[^1].Id);
        }

        var changed = 0;
        var conflicts = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var write = await VersionedRowWrite<WrappedPersonKey>.PrepareAsync(db, RewrappedColumns, cancellationToken);
        foreach (var row in rows)
        {
            try
            {
                (row.WrappingKeyId, row.WrappedKey) = wrapper.Rewrap(row);
            }
            catch (FieldIntegrityException)
            {
                // A damaged key row stays where it is; its profile was unreadable before too.
                LogNotRewrapped(logger, row.ProfileId);
                continue;
            }

            // Compare-and-swap on the row's version: a row a rekey replaced or deleted meanwhile is left alone.
            if (await write.TryWriteAsync(row, cancellationToken))
            {
                changed++;
            }
            else
            {
                conflicts++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new KeyJobBatchResult(rows.Count, changed, conflicts, rows[^1].Id);
    }

    [LoggerMessage(EventId = 1305, EventName = "PersonKeyNotRewrapped", Level = LogLevel.Warning, Message = "The person key of profile {ProfileId} failed to unwrap and was not rewrapped.")]
    private static partial void LogNotRewrapped(ILogger logger, Guid profileId);
}
