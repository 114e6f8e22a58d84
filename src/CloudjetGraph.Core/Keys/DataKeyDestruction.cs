using System.Globalization;
using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Data.Engines;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Keys.Lifecycle;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Keys;

/// <summary>
/// Destroys a data key for good: its wrapped bytes are overwritten and the row stays as a
/// tombstone, so the census and the audit can still name it. Only a key scheduled for destruction
/// whose waiting period has passed, under which the census counts nothing, with no unattributed
/// values and no use recorded since scheduling (<see cref="DataKeyLifecyclePolicy"/>); there is no
/// way around these guards. Every call is recorded by <see cref="OperationLog"/> with its actor,
/// refusals included.
/// </summary>
public sealed partial class DataKeyDestruction(
    CloudjetDbContext db,
    KeyCensus census,
    KeyRingBootstrapper bootstrapper,
    KeyStoreDataKeys keyStoreDataKeys,
    IOptions<AccessTokenOptions> tokens,
    OperationLog operations,
    TimeProvider time,
    ILogger<DataKeyDestruction> logger)
{
    /// <summary>Destroys data key <paramref name="id"/>.</summary>
    /// <exception cref="DomainException">No such key (<see cref="ErrorCodes.KeyNotFound"/>), or a guard refused: <see cref="ErrorCodes.KeyTransitionRefused"/> (not scheduled), <see cref="ErrorCodes.KeyDestructionTooEarly"/>, <see cref="ErrorCodes.KeyUsedWhileScheduled"/>, <see cref="ErrorCodes.KeyInUse"/> (census or unattributed values).</exception>
    /// <exception cref="KeyRingUnavailableException">The ring or the database is missing, unprotected or unreadable.</exception>
    public Task<DataKeyDestructionResult> DestroyAsync(OperationActor actor, Guid id, CancellationToken cancellationToken) =>
        operations.RunAsync(
            actor,
            CustodianOperationNames.DestroyData,
            $"data key {id}",
            token => DestroyAsync(id, token),
            result => new OperationSummary($"{result.Purpose} key {id}", "Destroyed; nothing was under it."),
            cancellationToken);

    private async Task<DataKeyDestructionResult> DestroyAsync(Guid id, CancellationToken cancellationToken)
    {
        var inventory = await census.ReadAsync(cancellationToken);
        var entry = inventory.DataKeys.SingleOrDefault(k => k.Id == id)
            ?? throw new DomainException(ErrorCodes.KeyNotFound, $"The database holds no data key {id}.", "id");
        var key = await db.DataKeys.AsNoTracking().SingleAsync(k => k.Id == id, cancellationToken);
        var stillUnder = StillUnder(key, entry.Census);
        var unattributed = inventory.Unattributed;
        var facts = new DataKeyFacts(
            DataKeyStates.StateOf(key),
            key.DestroyScheduledAt,
            key.DestroyAfter,
            key.LastUseRecordedAt,
            stillUnder.Count,
            unattributed.SealedValues.Values.Sum() + unattributed.IndexEntries + unattributed.AccessTags);
        var decision = DataKeyLifecyclePolicy.Decide(time.GetUtcNow(), facts, DataKeyTransition.Destroy);
        if (!decision.IsAllowed)
        {
            var detail = decision.RefusalCode == ErrorCodes.KeyInUse && stillUnder.Count > 0 ? $" It still protects {string.Join("; ", stillUnder)}." : string.Empty;
            throw new DomainException(decision.RefusalCode!, $"Data key {id} is not destroyed: {decision.Reason}{detail}");
        }

        await OverwriteAsync(key, cancellationToken);

        // After the tombstone, so a crash between leaves a key that never loads again, whose bytes
        // the next gateway start erases; the other order would leave a live row with no key.
        if (IKeptDataKeys.Keeps(key.Purpose))
        {
            await keyStoreDataKeys.EraseAsync([id], cancellationToken);
        }

        // This process drops the key now; other processes on their next refresh.
        await bootstrapper.LoadExistingAsync(cancellationToken);
        LogDataKeyDestroyed(logger, id, entry.Purpose);
        return new DataKeyDestructionResult(id, entry.Purpose);
    }

    // What the census shows under the key, as custodians read it; empty when nothing is. Each item
    // counts as one for the guard: any of them stops destruction.
    private List<string> StillUnder(DataKey key, DataKeyCensus counts)
    {
        var found = new List<string>();
        if (counts.PersonKeys > 0)
        {
            found.Add($"{counts.PersonKeys} person key(s) wrapped under it (run `keys rewrap`)");
        }

        var sealedValues = counts.SealedValues.Values.Sum();
        if (sealedValues > 0)
        {
            found.Add($"{sealedValues} sealed value(s) under those person keys");
        }

        if (counts.AccessTags > 0)
        {
            found.Add($"{counts.AccessTags} access tag(s)");
        }

        if (counts.IndexEntries > 0)
        {
            found.Add($"{counts.IndexEntries} blind-index entry(ies) (run `keys reindex`)");
        }

        // A token carries no record in the database: what a signing key still vouches for is every
        // token it signed that has not expired, i.e. until the longest lifetime has passed.
        if (key.Purpose == DataKeyPurpose.TokenSigning)
        {
            if (key.DeactivatedAt is not { } deactivated)
            {
                found.Add("tokens it may have signed (when it stopped signing is not recorded)");
            }
            else if (deactivated + tokens.Value.LongestAcceptance is var validUntil && validUntil > time.GetUtcNow())
            {
                found.Add($"tokens it signed, which may be accepted until {validUntil.ToString("O", CultureInfo.InvariantCulture)}");
            }
        }

        return found;
    }

    private async Task OverwriteAsync(DataKey key, CancellationToken cancellationToken)
    {
        var id = key.Id;
        var destroyAfter = key.DestroyAfter;
        var lastUse = key.LastUseRecordedAt;
        var engine = db.Database.Engine();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await engine.PrepareErasureAsync(db.Database, cancellationToken);

            var now = time.GetUtcNow();
            var destroyed = await db.DataKeys
                .Where(k => k.Id == id && !k.IsActive)
                .Where(DataKeyStateFilter.In(DataKeyState.ScheduledForDestruction))

                // Still the schedule and the last use the guards saw: a cancel and reschedule, or a use
                // recorded meanwhile, leaves nothing to update.
                .Where(k => k.DestroyAfter == destroyAfter && k.LastUseRecordedAt == lastUse)
                .ExecuteUpdateAsync(setters => setters.SetProperty(k => k.WrappedKey, []).SetProperty(k => k.DestroyedAt, now), cancellationToken);
            if (destroyed != 1)
            {
                throw new DomainException(ErrorCodes.Conflict, $"Data key {id} changed while it was being destroyed; run `keys list` and try again.");
            }

            if (!await engine.FlushErasureAsync(db.Database, cancellationToken))
            {
                LogFlushBusy(logger, id);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(EventId = 1026, EventName = "DataKeyDestroyed", Level = LogLevel.Warning, Message = "Destroyed data key {DataKeyId} ({Purpose}).")]
    private static partial void LogDataKeyDestroyed(ILogger logger, Guid dataKeyId, string purpose);

    [LoggerMessage(EventId = 1029, EventName = "DestroyedDataKeyFlushBusy", Level = LogLevel.Warning, Message = "The WAL could not be truncated after data key {DataKeyId} was overwritten (readers busy); its old bytes leave it at the next checkpoint.")]
    private static partial void LogFlushBusy(ILogger logger, Guid dataKeyId);
}
