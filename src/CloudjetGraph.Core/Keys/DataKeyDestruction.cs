using System.Globalization;
using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Data.Engines;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Keys;

/// <summary>
/// Destroys a decrypt-only data key for good: its wrapped bytes are overwritten and the row stays
/// as a tombstone, so the census and the audit can still name it. Refused while the census shows
/// anything under the key unless forced, and always for the active key of a purpose. Irreversible:
/// whatever the key still protected can never be read again, in any copy or backup. Every call is
/// recorded by <see cref="OperationLog"/> with its actor, refusals included.
/// </summary>
public sealed partial class DataKeyDestruction(
    CloudjetDbContext db,
    KeyCensus census,
    KeyRingBootstrapper bootstrapper,
    IOptions<AccessTokenOptions> tokens,
    OperationLog operations,
    TimeProvider time,
    ILogger<DataKeyDestruction> logger)
{
    /// <summary>Destroys data key <paramref name="id"/>.</summary>
    /// <exception cref="DomainException">No such key (<see cref="ErrorCodes.KeyNotFound"/>); the key is active (<see cref="ErrorCodes.Validation"/>); it is destroyed already (<see cref="ErrorCodes.Conflict"/>); something is still under it and <paramref name="force"/> is false (<see cref="ErrorCodes.KeyInUse"/>).</exception>
    /// <exception cref="KeyRingUnavailableException">The ring or the database is missing, unprotected or unreadable.</exception>
    public Task<DataKeyDestructionResult> DestroyAsync(OperationActor actor, Guid id, bool force, CancellationToken cancellationToken) =>
        operations.RunAsync(
            actor,
            CustodianOperationNames.DestroyData,
            $"data key {id}" + (force ? ", forced" : string.Empty),
            token => DestroyAsync(id, force, token),
            result => new OperationSummary(
                $"{result.Purpose} key {id}" + (force ? ", forced" : string.Empty),
                result.StillUnder.Count > 0 ? $"Destroyed; unreadable from now on: {string.Join("; ", result.StillUnder)}." : "Destroyed; nothing was under it."),
            cancellationToken);

    private async Task<DataKeyDestructionResult> DestroyAsync(Guid id, bool force, CancellationToken cancellationToken)
    {
        var inventory = await census.ReadAsync(cancellationToken);
        var entry = inventory.DataKeys.SingleOrDefault(k => k.Id == id)
            ?? throw new DomainException(ErrorCodes.KeyNotFound, $"The database holds no data key {id}.", "id");
        var key = await db.DataKeys.AsNoTracking().SingleAsync(k => k.Id == id, cancellationToken);
        if (key.DestroyedAt is not null)
        {
            throw new DomainException(ErrorCodes.Conflict, $"Data key {id} was destroyed already.");
        }

        // Even --force cannot take the key new values are written with: every write would fail.
        if (key.IsActive)
        {
            throw new DomainException(ErrorCodes.Validation,
                $"Data key {id} is the active {entry.Purpose} key and is never destroyed; run `keys rotate-data --purpose {entry.Purpose}` first.");
        }

        var stillUnder = StillUnder(key, entry.Census);
        if (stillUnder.Count > 0 && !force)
        {
            throw new DomainException(ErrorCodes.KeyInUse,
                $"Data key {id} still protects {string.Join("; ", stillUnder)}. Destroying it would make that unreadable for good; pass --force to destroy it anyway.");
        }

        await OverwriteAsync(id, cancellationToken);

        // This process drops the key now; other processes on their next refresh.
        await bootstrapper.LoadExistingAsync(cancellationToken);
        LogDataKeyDestroyed(logger, id, entry.Purpose, stillUnder.Count > 0);
        return new DataKeyDestructionResult(id, entry.Purpose, stillUnder);
    }

    // What the census shows under the key, as custodians read it; empty when nothing is.
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

    private async Task OverwriteAsync(Guid id, CancellationToken cancellationToken)
    {
        var engine = db.Database.Engine();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await engine.PrepareErasureAsync(db.Database, cancellationToken);

            var now = time.GetUtcNow();
            var destroyed = await db.DataKeys
                .Where(k => k.Id == id && !k.IsActive && k.DestroyedAt == null)
                .ExecuteUpdateAsync(setters => setters.SetProperty(k => k.WrappedKey, []).SetProperty(k => k.DestroyedAt, now), cancellationToken);
            if (destroyed != 1)
            {
                throw new DomainException(ErrorCodes.Conflict, $"Data key {id} changed while it was being destroyed; run `keys list` and try again.");
            }

            await engine.FlushErasureAsync(db.Database, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(EventId = 1026, EventName = "DataKeyDestroyed", Level = LogLevel.Warning, Message = "Destroyed data key {DataKeyId} ({Purpose}); forced past what the census showed under it: {Forced}.")]
    private static partial void LogDataKeyDestroyed(ILogger logger, Guid dataKeyId, string purpose, bool forced);
}
