using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.Keys;

/// <summary>
/// Rotates a data key: a new random key of the purpose becomes active and the one that was active
/// becomes decrypt-only, in one transaction. Nothing it protects is rewritten: person keys move by
/// <c>keys rewrap</c>, index entries by <c>keys reindex</c>, and tokens signed by the old key stay
/// valid until they expire. The database's unique index on the active key of each purpose makes a
/// racing second rotation fail rather than leave two active keys. Every call is recorded by
/// <see cref="OperationLog"/> with its actor, refusals included.
/// </summary>
public sealed partial class DataKeyRotation(
    CloudjetDbContext db,
    DataKeyWrapper wrapper,
    KeyStoreDataKeys keyStoreDataKeys,
    KeyRingBootstrapper bootstrapper,
    IHostEnvironment environment,
    OperationLog operations,
    TimeProvider time,
    ILogger<DataKeyRotation> logger)
{
    /// <summary>Makes a new active key for <paramref name="purpose"/> and returns its id.</summary>
    /// <exception cref="DomainException">The purpose cannot be rotated here, or another rotation of it won the race (<see cref="ErrorCodes.Conflict"/>).</exception>
    /// <exception cref="KeyRingUnavailableException">The ring or the database is missing, unprotected or unreadable, or a development ring outside Development.</exception>
    public Task<DataKeyRotationResult> RotateAsync(OperationActor actor, DataKeyPurpose purpose, CancellationToken cancellationToken) =>
        operations.RunAsync(
            actor,
            CustodianOperationNames.RotateData,
            $"{DataKeyPurposeLabels.Of(purpose)} key",
            token => RotateAsync(purpose, token),
            result => new OperationSummary(
                $"{result.Purpose} key {result.NewKeyId}",
                $"Created data key {result.NewKeyId} ({result.Purpose}), active now; {result.PreviousKeyId} is decrypt-only."),
            cancellationToken);

    private async Task<DataKeyRotationResult> RotateAsync(DataKeyPurpose purpose, CancellationToken cancellationToken)
    {
        // Access tags have no job that re-stamps them after checking each one: a new key could only
        // bless every row as it is now, tampered or not (docs/encryption.md, Access tag).
        if (purpose == DataKeyPurpose.RowIntegrity)
        {
            throw new DomainException(ErrorCodes.Validation, $"The {DataKeyPurposeLabels.RowIntegrity} key is not rotatable: a new key would have to re-stamp every profile's access tag, trusting rows as they are now (see docs/encryption.md).");
        }

        // Checks the ring like every verb: present, readable, protected at rest where it must be.
        await bootstrapper.LoadExistingAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var previous = await db.DataKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Purpose == purpose && k.IsActive, cancellationToken)
            ?? throw new KeyRingUnavailableException($"The database holds no active {DataKeyPurposeLabels.Of(purpose)} data key; start the gateway once to create it.");
        if (previous.DevelopmentOnly && !environment.IsDevelopment())
        {
            throw new KeyRingUnavailableException(
                "These data keys belong to a development key ring, which serves only Development; rotate them with the environment set to Development.");
        }

        var now = time.GetUtcNow();

        // Compare-and-swap on the active flag: a rotation that committed since the read above
        // leaves nothing to update, and this one stops.
        var deactivated = await db.DataKeys
            .Where(k => k.Id == previous.Id && k.IsActive)
            .ExecuteUpdateAsync(setters => setters.SetProperty(k => k.IsActive, false).SetProperty(k => k.DeactivatedAt, now), cancellationToken);
        if (deactivated != 1)
        {
            throw ConcurrentRotation(purpose);
        }

        var id = Guid.CreateVersion7(now);
        var wrapped = wrapper.CreateWrappedKey(id, purpose);
        var kept = IKeptDataKeys.Keeps(purpose);

        // The key store first: a row never names a key that is nowhere.
        if (kept)
        {
            await keyStoreDataKeys.StoreAsync(id, purpose, wrapped, cancellationToken);
        }

        var created = new DataKey
        {
            Id = id,
            Purpose = purpose,
            WrappedKey = kept ? [] : wrapped,
            IsActive = true,
            DevelopmentOnly = previous.DevelopmentOnly,
            CreatedAt = now,
        };
        db.DataKeys.Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            if (kept)
            {
                await keyStoreDataKeys.EraseAsync([id], CancellationToken.None);
            }

            throw ConcurrentRotation(purpose, exception);
        }

        await transaction.CommitAsync(cancellationToken);

        // This process writes under the new key at once; other processes pick it up on their
        // next refresh (DataProtection:RefreshInterval).
        await bootstrapper.LoadExistingAsync(cancellationToken);
        var masterKeyId = DataProtectionPayload.TryReadKeyId(wrapped, out var master) ? master : (Guid?)null;
        var label = DataKeyPurposeLabels.Of(purpose);
        LogDataKeyRotated(logger, label, id, previous.Id, masterKeyId);
        return new DataKeyRotationResult(label, id, previous.Id, masterKeyId);
    }

    private static DomainException ConcurrentRotation(DataKeyPurpose purpose, Exception? cause = null) =>
        new(ErrorCodes.Conflict, $"Another rotation of the {DataKeyPurposeLabels.Of(purpose)} key finished first; run `keys list` to see the active key.", innerException: cause);

    [LoggerMessage(EventId = 1025, EventName = "DataKeyRotated", Level = LogLevel.Information, Message = "Rotated the {Purpose} data key: {NewKeyId} is active (wrapped under ring key {MasterKeyId}), {PreviousKeyId} is decrypt-only.")]
    private static partial void LogDataKeyRotated(ILogger logger, string purpose, Guid newKeyId, Guid previousKeyId, Guid? masterKeyId);
}
