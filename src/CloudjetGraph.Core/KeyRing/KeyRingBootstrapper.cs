using System.Security.Cryptography;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Protection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.KeyRing;

/// <summary>
/// Makes the key hierarchy usable at startup: checks the Data Protection key ring, creates a
/// development ring only when nothing could be orphaned, makes missing data keys (an existing ring
/// gets a newly introduced purpose, unless rows already depend on one), unwraps every
/// data key into <see cref="DataKeyRing"/>, moves blind-index keys still in the profile database
/// into the key store (<see cref="IKeptDataKeys"/>), and in Development stamps access tags on rows that
/// predate the RowIntegrity key. Any failure stops startup. Outside Development only the custodian
/// tool's <c>keys init</c> creates a ring (<see cref="CreateRingAsync"/>).
/// </summary>
public sealed partial class KeyRingBootstrapper(
    CloudjetDbContext db,
    IKeyManager keyManager,
    DataKeyWrapper wrapper,
    IKeptDataKeys keyStoreDataKeys,
    DataKeyRing ring,
    DisabledDataKeysLoader disabledKeys,
    RingKeyRevocationRecords revocations,
    ProfileAccessTag accessTag,
    KeyRingAtRest atRest,
    IOptions<ProtectionOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<KeyRingBootstrapper> logger)
{
    private static readonly DataKeyPurpose[] RequiredPurposes = Enum.GetValues<DataKeyPurpose>();

    // A ring key's lifetime; without automatic key generation an expired default key stays in use
    // until a custodian rotates it, so this only dates the key for the rotation runbook.
    internal static readonly TimeSpan MasterKeyLifetime = TimeSpan.FromDays(365);

    /// <summary>Prepares the keys; <paramref name="isDevelopment"/> allows creating a development ring.</summary>
    /// <exception cref="KeyRingUnavailableException">The ring is missing, unreadable or foreign to the database.</exception>
    public async Task EnsureReadyAsync(bool isDevelopment, CancellationToken cancellationToken)
    {
        var ringPath = Path.GetFullPath(options.Value.KeyRingPath);
        await revocations.LoadAsync(cancellationToken);
        var storedKeys = await db.DataKeys.ToListAsync(cancellationToken);
        var createdRing = EnsureMasterKeyExists(ringPath, storedKeys.Count > 0, isDevelopment);
        var developmentRing = createdRing || storedKeys.Any(k => k.DevelopmentOnly);
        if (developmentRing && !isDevelopment)
        {
            throw new KeyRingUnavailableException(
                $"The key ring at '{ringPath}' ({ProtectionOptions.SectionName}:KeyRingPath) is a development key ring; it must not serve outside Development.");
        }

        var missingPurposes = RequiredPurposes.Where(p => !storedKeys.Any(k => k.Purpose == p && k.IsActive)).ToList();

        // A new access-tag key over existing rows would bless them as they are now, including any
        // row tampered with before (or a key row deleted to force this): only Development may do that.
        var stampExistingRows = missingPurposes.Contains(DataKeyPurpose.RowIntegrity) && await db.Profiles.AnyAsync(cancellationToken);
        if (stampExistingRows && !isDevelopment)
        {
            throw new KeyRingUnavailableException(
                "The database holds profiles but no active RowIntegrity data key, so their access tags cannot be verified; the gateway will not create one over existing rows outside Development (see docs/encryption.md, Access tag).");
        }

        // Profiles have person keys wrapped under the existing one (startup checked the key store):
        // a new wrapping key could never open them, in any environment.
        if (missingPurposes.Contains(DataKeyPurpose.PersonKeyWrapping) && await db.Profiles.AnyAsync(cancellationToken))
        {
            throw new KeyRingUnavailableException(
                "The database holds profiles but no active PersonKeyWrapping data key, so their person keys cannot be unwrapped; the gateway will not create one over existing rows (see docs/encryption.md, Person keys).");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var purpose in missingPurposes)
        {
            storedKeys.Add(await CreateDataKeyAsync(purpose, developmentRing, cancellationToken));
        }

        if (await revocations.AddRevokedInRingAsync(ReadMasterKeys(ringPath), cancellationToken) is var found and > 0)
        {
            LogRevocationsRecorded(logger, found);
        }

        await db.SaveChangesAsync(cancellationToken);
        ring.Load(await UnwrapAsync(storedKeys, ringPath, cancellationToken));
        if (stampExistingRows)
        {
            await StampUntaggedProfilesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        // Once every key has unwrapped (a wrong ring is refused above, naming the key), blind-index
        // keys still in the profile database move to the key store.
        await keyStoreDataKeys.MoveIntoKeyStoreAsync(cancellationToken);
    }

    /// <summary>
    /// Refuses, before anything is written, a key ring that could never serve: outside Development
    /// one that is missing or holds no readable key, anywhere one that cannot be read or that holds
    /// a key or revocation the certificate does not authenticate (planted). So a refusal
    /// leaves no new database or directory behind (reading a missing ring would create its directory).
    /// </summary>
    /// <exception cref="KeyRingUnavailableException">The ring is missing or empty outside Development, or unreadable.</exception>
    public void CheckBeforeWriting(bool isDevelopment)
    {
        atRest.CheckCertificate();
        var ringPath = Path.GetFullPath(options.Value.KeyRingPath);

        var masterKeys = Directory.Exists(ringPath) ? ReadMasterKeys(ringPath) : [];
        if (masterKeys.Count == 0 && !isDevelopment)
        {
            // Keys in clear, or refused as unauthenticated (another certificate's, say), say more than "none".
            atRest.RefuseKeysInClear(ringPath, isDevelopment);
            atRest.RefuseUnauthenticated(ringPath);
            throw NoReadableKeys(ringPath, databaseHasDataKeys: false);
        }

        // The settings and keys in clear first, as their refusal says more than "not authenticated".
        atRest.Check([], ringPath, isDevelopment);
        atRest.RefuseUnauthenticated(ringPath);
        atRest.Check(masterKeys, ringPath, isDevelopment);
    }

    /// <summary>
    /// Refuses, before anything is written, to create a ring (<c>keys init</c>) unless the settings
    /// would let the gateway serve it and both the ring folder and the database hold no keys yet.
    /// </summary>
    /// <exception cref="KeyRingUnavailableException">A setting refuses it, or keys already exist.</exception>
    public async Task CheckBeforeCreatingRingAsync(CancellationToken cancellationToken)
    {
        var ringPath = Path.GetFullPath(options.Value.KeyRingPath);
        atRest.Check([], ringPath, environment.IsDevelopment());
        if (Directory.Exists(ringPath) && Directory.EnumerateFileSystemEntries(ringPath).Any())
        {
            throw new KeyRingUnavailableException(
                $"The key ring folder '{ringPath}' ({ProtectionOptions.SectionName}:KeyRingPath) is not empty; a new ring is only created in an empty folder.");
        }

        if ((await ReadStoredKeysAsync(cancellationToken)).Count > 0)
        {
            throw new KeyRingUnavailableException(
                "The database (ConnectionStrings:Cloudjet) already holds data keys; a new ring is only created for an empty database.");
        }
    }

    /// <summary>
    /// Creates the first ring key (protected by the certificate when one is set) and every data
    /// key, for an empty database that was checked with <see cref="CheckBeforeCreatingRingAsync"/>
    /// and migrated. Nothing is marked development-only: this is how a production ring begins.
    /// </summary>
    /// <exception cref="KeyRingUnavailableException">Data keys appeared since the check.</exception>
    public async Task CreateRingAsync(CancellationToken cancellationToken)
    {
        var ringPath = Path.GetFullPath(options.Value.KeyRingPath);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.DataKeys.AnyAsync(cancellationToken))
        {
            throw new KeyRingUnavailableException(
                "The database (ConnectionStrings:Cloudjet) already holds data keys; a new ring is only created for an empty database.");
        }

        CreateMasterKey();
        LogRingCreated(logger, ringPath);
        var dataKeys = new List<DataKey>();
        foreach (var purpose in RequiredPurposes)
        {
            dataKeys.Add(await CreateDataKeyAsync(purpose, developmentOnly: false, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        ring.Load(await UnwrapAsync(dataKeys, ringPath, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Unwraps the existing data keys without creating anything, for tools that must not change the ring.</summary>
    /// <exception cref="KeyRingUnavailableException">No data keys yet, or the ring cannot unwrap them.</exception>
    public async Task LoadExistingAsync(CancellationToken cancellationToken)
    {
        atRest.CheckCertificate();
        var ringPath = Path.GetFullPath(options.Value.KeyRingPath);
        var storedKeys = await ReadStoredKeysAsync(cancellationToken);
        if (storedKeys.Count == 0)
        {
            throw new KeyRingUnavailableException("The database holds no data keys yet; start the gateway once (Development) or run `keys init` to create them.");
        }

        await revocations.LoadAsync(cancellationToken);
        atRest.Check(Directory.Exists(ringPath) ? ReadMasterKeys(ringPath) : [], ringPath, IsDevelopmentRing(storedKeys));
        ring.Load(await UnwrapAsync(storedKeys, ringPath, cancellationToken));

        // With the keys, their states: a tool's job or report opens nothing under a disabled key either.
        await disabledKeys.LoadAsync(cancellationToken);
    }

    /// <summary>
    /// For tools that only read (the census): the ring's keys with the revocations the database
    /// records, refusing a missing or empty ring in every environment.
    /// </summary>
    /// <exception cref="KeyRingUnavailableException">The certificate is unusable, or the ring is missing, empty or unreadable.</exception>
    public async Task<IReadOnlyCollection<IKey>> RequireExistingRingAsync(CancellationToken cancellationToken)
    {
        atRest.CheckCertificate();
        await revocations.LoadAsync(cancellationToken);
        var ringPath = Path.GetFullPath(options.Value.KeyRingPath);
        var masterKeys = Directory.Exists(ringPath) ? ReadMasterKeys(ringPath) : [];
        return masterKeys.Count > 0 ? masterKeys : throw NoReadableKeys(ringPath, databaseHasDataKeys: false);
    }

    /// <summary>Refuses a ring that is not protected at rest as the gateway would require for these data keys.</summary>
    /// <exception cref="KeyRingUnavailableException">The ring is unprotected where it must not be, or unreadable.</exception>
    internal void CheckAtRest(IReadOnlyCollection<IKey> masterKeys, IReadOnlyCollection<DataKey> storedKeys) =>
        atRest.Check(masterKeys, Path.GetFullPath(options.Value.KeyRingPath), IsDevelopmentRing(storedKeys));

    // A development ring serves only Development gateways, so a tool working on it is in
    // development whatever its own environment says (the Cli's defaults to Production).
    private bool IsDevelopmentRing(IReadOnlyCollection<DataKey> storedKeys) =>
        environment.IsDevelopment() || storedKeys.All(k => k.DevelopmentOnly);

    // The stored data keys without creating or migrating the database, so a refusal writes nothing.
    private async Task<List<DataKey>> ReadStoredKeysAsync(CancellationToken cancellationToken)
    {
        return await DatabaseSchema.IsInitializedAsync(db.Database, cancellationToken) ? await db.DataKeys.AsNoTracking().ToListAsync(cancellationToken) : [];
    }

    private bool EnsureMasterKeyExists(string ringPath, bool databaseHasDataKeys, bool isDevelopment)
    {
        if (ReadMasterKeys(ringPath).Count > 0)
        {
            return false;
        }

        var ringHasFiles = Directory.Exists(ringPath) && Directory.EnumerateFileSystemEntries(ringPath).Any();
        if (!isDevelopment || databaseHasDataKeys || ringHasFiles)
        {
            throw NoReadableKeys(ringPath, databaseHasDataKeys);
        }

        CreateMasterKey();
        LogDevelopmentRingCreated(logger, ringPath);
        return true;
    }

    private void CreateMasterKey()
    {
        var now = time.GetUtcNow();
        keyManager.CreateNewKey(activationDate: now, expirationDate: now.Add(MasterKeyLifetime));
    }

    private async Task StampUntaggedProfilesAsync(CancellationToken cancellationToken)
    {
        var untagged = await db.Profiles.Where(p => p.AccessTag == null).ToListAsync(cancellationToken);
        foreach (var profile in untagged)
        {
            accessTag.Stamp(profile);
        }

        await db.SaveChangesAsync(cancellationToken);
        LogUntaggedProfilesStamped(logger, untagged.Count);
    }

    private IReadOnlyCollection<IKey> ReadMasterKeys(string ringPath)
    {
        try
        {
            return keyManager.GetAllKeys();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Xml.XmlException or CryptographicException)
        {
            throw new KeyRingUnavailableException(
                $"The key ring at '{ringPath}' ({ProtectionOptions.SectionName}:KeyRingPath) cannot be read.", exception);
        }
    }

    private static KeyRingUnavailableException NoReadableKeys(string ringPath, bool databaseHasDataKeys) =>
        new($"The key ring at '{ringPath}' ({ProtectionOptions.SectionName}:KeyRingPath) holds no readable keys"
            + (databaseHasDataKeys ? ", but the database holds data keys wrapped by a ring; point the setting at that ring." : "."));

    // A kept key's bytes go to the key store before its row exists: a crash between leaves only
    // bytes no row names, never a row without its key.
    private async Task<DataKey> CreateDataKeyAsync(DataKeyPurpose purpose, bool developmentOnly, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var wrapped = wrapper.CreateWrappedKey(id, purpose);
        if (IKeptDataKeys.Keeps(purpose))
        {
            await keyStoreDataKeys.StoreAsync(id, purpose, wrapped, cancellationToken);
        }

        var dataKey = new DataKey
        {
            Id = id,
            Purpose = purpose,
            WrappedKey = IKeptDataKeys.Keeps(purpose) ? [] : wrapped,
            IsActive = true,
            DevelopmentOnly = developmentOnly,
            CreatedAt = time.GetUtcNow(),
        };
        db.DataKeys.Add(dataKey);
        LogDataKeyCreated(logger, dataKey.Id, purpose);
        return dataKey;
    }

    // A destroyed key has no bytes left to unwrap; it stays a tombstone and never loads.
    private async Task<List<UnwrappedDataKey>> UnwrapAsync(IReadOnlyCollection<DataKey> keys, string ringPath, CancellationToken cancellationToken)
    {
        var wrapped = await keyStoreDataKeys.ReadAsync(keys, cancellationToken);
        return keys.Where(key => key.DestroyedAt is null).Select(key => Unwrap(key, wrapped[key.Id].Wrapped, ringPath)).ToList();
    }

    private UnwrappedDataKey Unwrap(DataKey key, byte[] wrapped, string ringPath)
    {
        try
        {
            return new UnwrappedDataKey(key.Id, key.Purpose, wrapper.Unwrap(key.Id, key.Purpose, wrapped), key.IsActive, key.DevelopmentOnly);
        }
        catch (CryptographicException exception)
        {
            throw new KeyRingUnavailableException(
                $"Data key {key.Id} cannot be unwrapped with the key ring at '{ringPath}' ({ProtectionOptions.SectionName}:KeyRingPath); it is not the ring that protects this database, the key was revoked, or the stored key was altered.",
                exception);
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Created a development key ring at {RingPath}; never use it outside Development.")]
    private static partial void LogDevelopmentRingCreated(ILogger logger, string ringPath);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Created data key {DataKeyId} for {Purpose}.")]
    private static partial void LogDataKeyCreated(ILogger logger, Guid dataKeyId, DataKeyPurpose purpose);

    [LoggerMessage(EventId = 1003, EventName = "UntaggedProfilesStamped", Level = LogLevel.Warning, Message = "Stamped access tags on {ProfileCount} existing profiles under a new RowIntegrity key, trusting them as they are (Development only).")]
    private static partial void LogUntaggedProfilesStamped(ILogger logger, int profileCount);

    [LoggerMessage(EventId = 1005, EventName = "RingRevocationsRecorded", Level = LogLevel.Information, Message = "Recorded in the database {Count} ring key revocation(s) found only in the ring folder.")]
    private static partial void LogRevocationsRecorded(ILogger logger, int count);

    [LoggerMessage(EventId = 1021, EventName = "RingCreated", Level = LogLevel.Information, Message = "Created the key ring at {RingPath} and its data keys.")]
    private static partial void LogRingCreated(ILogger logger, string ringPath);
}
