using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Protection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.Keys;

/// <summary>
/// Rotates the Data Protection ring key (the master key): stages a new ring key, then re-wraps
/// every data key under the ring's default key. Only data key rows change: the material of each
/// data key stays the same, so no profile row and no person key row is touched. Every call is
/// recorded by <see cref="OperationLog"/> with its actor, refusals included, so the Cli
/// and GraphQL cannot change keys unrecorded.
/// </summary>
public sealed partial class MasterKeyRotation(
    CloudjetDbContext db,
    IKeyManager keyManager,
    IDefaultKeyResolver defaultKeyResolver,
    DataKeyWrapper wrapper,
    KeyRingBootstrapper bootstrapper,
    KeyStoreDataKeys keyStoreDataKeys,
    KeyCensus census,
    RingKeyRevocationRecords revocations,
    OperationLog operations,
    TimeProvider time,
    ILogger<MasterKeyRotation> logger)
{
    /// <summary>
    /// Creates a ring key (certificate-protected when one is configured) active from now plus
    /// <paramref name="activateIn"/>, after checking that the ring and the data keys are usable,
    /// so a refused rotation creates nothing.
    /// </summary>
    /// <exception cref="KeyRingUnavailableException">The ring or the database is missing, unprotected or unreadable.</exception>
    public Task<IKey> StageKeyAsync(OperationActor actor, TimeSpan activateIn, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(activateIn, TimeSpan.Zero);
        return operations.RunAsync(
            actor,
            CustodianOperationNames.RotateMaster,
            "key ring",
            token => StageAsync(activateIn, token),
            key => new OperationSummary($"ring key {key.KeyId}", $"Created ring key {key.KeyId}, active from {key.ActivationDate:O}."),
            cancellationToken);
    }

    /// <summary>
    /// Re-wraps every data key not yet under the ring's current default key. Each row is replaced
    /// only if it still holds the bytes that were read (compare-and-swap), so a concurrent change
    /// is never overwritten; a second run with nothing to do writes nothing.
    /// </summary>
    /// <exception cref="KeyRingUnavailableException">The ring or the database is unusable, or this process's ring does not yet protect with the default key.</exception>
    public Task<MasterKeyRewrapResult> RewrapDataKeysAsync(OperationActor actor, CancellationToken cancellationToken) =>
        operations.RunAsync(
            actor,
            CustodianOperationNames.RewrapDataKeys,
            "data keys",
            RewrapAsync,
            result => new OperationSummary(
                $"data keys, ring key {result.DefaultKeyId}",
                $"Re-wrapped {result.Rewrapped} data key(s) under ring key {result.DefaultKeyId}; {result.AlreadyUnder} already under it, {result.ChangedConcurrently} changed concurrently."),
            cancellationToken);

    /// <summary>
    /// Revokes ring key <paramref name="masterKeyId"/>. Refused while the census shows data keys
    /// wrapped under it (they could no longer be unwrapped), unless <paramref name="force"/>.
    /// </summary>
    /// <returns>The number of data keys still under the key (non-zero only when forced).</returns>
    /// <exception cref="DomainException"><see cref="ErrorCodes.KeyNotFound"/>: no such key; <see cref="ErrorCodes.KeyInUse"/>: data keys are still under it.</exception>
    /// <exception cref="KeyRingUnavailableException">The ring or the database is unusable.</exception>
    public Task<int> RevokeAsync(OperationActor actor, Guid masterKeyId, bool force, CancellationToken cancellationToken) =>
        operations.RunAsync(
            actor,
            CustodianOperationNames.RevokeMaster,
            $"ring key {masterKeyId}" + (force ? ", forced" : string.Empty),
            token => RevokeAsync(masterKeyId, force, token),
            stillUnder => new OperationSummary(
                $"ring key {masterKeyId}" + (force ? ", forced" : string.Empty),
                stillUnder > 0 ? $"Revoked; {stillUnder} data key(s) under it can no longer be unwrapped." : "Revoked; no data key was under it."),
            cancellationToken);

    private async Task<IKey> StageAsync(TimeSpan activateIn, CancellationToken cancellationToken)
    {
        await bootstrapper.RequireExistingRingAsync(cancellationToken);
        await bootstrapper.LoadExistingAsync(cancellationToken);
        var activation = time.GetUtcNow().Add(activateIn);
        var key = keyManager.CreateNewKey(activation, activation.Add(KeyRingBootstrapper.MasterKeyLifetime));
        LogMasterKeyStaged(logger, key.KeyId, activation);
        return key;
    }

    private async Task<MasterKeyRewrapResult> RewrapAsync(CancellationToken cancellationToken)
    {
        var masterKeys = await bootstrapper.RequireExistingRingAsync(cancellationToken);
        await bootstrapper.LoadExistingAsync(cancellationToken);
        var defaultKey = defaultKeyResolver.ResolveDefaultKeyPolicy(time.GetUtcNow(), masterKeys).DefaultKey
            ?? throw new KeyRingUnavailableException("The key ring has no key active now; run `keys rotate-master` to create one.");
        await WaitUntilProtectingWithAsync(defaultKey.KeyId, cancellationToken);

        var rewrapped = 0;
        var alreadyUnder = 0;
        var changed = 0;
        // A destroyed key has no wrapped bytes left to move.
        var dataKeys = await db.DataKeys.AsNoTracking().Where(k => k.DestroyedAt == null).ToListAsync(cancellationToken);
        var located = await keyStoreDataKeys.ReadAsync(dataKeys, cancellationToken);
        foreach (var dataKey in dataKeys)
        {
            var original = located[dataKey.Id].Wrapped;
            if (DataProtectionPayload.TryReadKeyId(original, out var current) && current == defaultKey.KeyId)
            {
                alreadyUnder++;
                continue;
            }

            var wrapped = wrapper.Rewrap(dataKey.Id, dataKey.Purpose, original);

            // Data Protection protects with the key its cached ring holds as default; writing a
            // payload under any other key would leave the data key where it was, so refuse instead.
            if (!DataProtectionPayload.TryReadKeyId(wrapped, out var written) || written != defaultKey.KeyId)
            {
                throw new KeyRingUnavailableException(
                    $"This process still protects with ring key {written}, not the default {defaultKey.KeyId}; run `keys rotate-master --rewrap-only` again.");
            }

            var updated = located[dataKey.Id].InKeyStore
                ? await keyStoreDataKeys.ReplaceAsync(dataKey.Id, original, wrapped, cancellationToken)
                : await db.DataKeys
                    .Where(k => k.Id == dataKey.Id && k.WrappedKey == original)
                    .ExecuteUpdateAsync(setters => setters.SetProperty(k => k.WrappedKey, wrapped), cancellationToken) == 1;
            if (updated)
            {
                rewrapped++;
            }
            else
            {
                changed++;
            }
        }

        LogDataKeysRewrapped(logger, rewrapped, defaultKey.KeyId, alreadyUnder, changed);
        return new MasterKeyRewrapResult(defaultKey.KeyId, rewrapped, alreadyUnder, changed);
    }

    private async Task<int> RevokeAsync(Guid masterKeyId, bool force, CancellationToken cancellationToken)
    {
        var inventory = await census.ReadAsync(cancellationToken);
        var entry = inventory.MasterKeys.SingleOrDefault(k => k.Id == masterKeyId)
            ?? throw new DomainException(ErrorCodes.KeyNotFound, $"The key ring holds no key {masterKeyId}.", "id");
        if (entry.Census.DataKeys > 0 && !force)
        {
            throw new DomainException(
                ErrorCodes.KeyInUse,
                $"Ring key {masterKeyId} still wraps {entry.Census.DataKeys} data key(s), which could no longer be unwrapped; run `keys rotate-master` (or `--rewrap-only`) first, or force the revocation.",
                "id");
        }

        // Recorded first: should the file then fail to be written, or later be deleted, the key stays revoked.
        await revocations.RecordAsync(masterKeyId, cancellationToken);
        keyManager.RevokeKey(masterKeyId, reason: "Revoked by a key custodian (keys revoke-master).");
        LogMasterKeyRevoked(logger, masterKeyId, entry.Census.DataKeys);
        return entry.Census.DataKeys;
    }

    // A process that created the key itself (a gateway serving rotateMasterKey) refreshes its
    // cached ring in the background, about 300 ms later (NOTES.md): wait for that rather than
    // refuse. Another process's cached ring is not refreshed by this, and the check in the loop
    // still refuses to write under any key but the default.
    private async Task WaitUntilProtectingWithAsync(Guid defaultKeyId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 50 && wrapper.CurrentRingKeyId() != defaultKeyId; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    [LoggerMessage(EventId = 1022, EventName = "MasterKeyStaged", Level = LogLevel.Information, Message = "Created ring key {MasterKeyId}, active from {Activation}.")]
    private static partial void LogMasterKeyStaged(ILogger logger, Guid masterKeyId, DateTimeOffset activation);

    [LoggerMessage(EventId = 1023, EventName = "DataKeysRewrapped", Level = LogLevel.Information, Message = "Re-wrapped {Rewrapped} data keys under ring key {MasterKeyId}; {AlreadyUnder} were under it already, {ChangedConcurrently} changed concurrently.")]
    private static partial void LogDataKeysRewrapped(ILogger logger, int rewrapped, Guid masterKeyId, int alreadyUnder, int changedConcurrently);

    [LoggerMessage(EventId = 1024, EventName = "MasterKeyRevoked", Level = LogLevel.Warning, Message = "Revoked ring key {MasterKeyId} with {DataKeys} data keys still under it.")]
    private static partial void LogMasterKeyRevoked(ILogger logger, Guid masterKeyId, int dataKeys);
}
