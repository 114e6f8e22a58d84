using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Data.Engines;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.ProfileRecords;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>
/// Binds the profile database to its key store with one pairing id held by both, and refuses a key
/// store that is missing, empty beside profiles, or another database's. Every census, Cli verb and
/// gateway start goes through it first, so a wrong <c>ConnectionStrings:CloudjetKeys</c> stops the
/// work instead of showing every value as unattributed. It never creates a database: a store is
/// checked for existence before it is opened.
/// </summary>
public sealed partial class KeyStorePairing(
    CloudjetDbContext db,
    IDbContextFactory<KeyStoreDbContext> keyStores,
    TimeProvider time,
    ILogger<KeyStorePairing> logger)
{
    // Profile ids are random, so a foreign key store matches none of them; a majority of a sample
    // proves the store is this database's while tolerating a sign-up that died half-written.
    private const int ProofSampleSize = 64;

    private static readonly string Setting = $"ConnectionStrings:{KeyStoreServiceCollectionExtensions.ConnectionStringName}";

    /// <summary>
    /// Read-only: passes when the pair carries one pairing id and the key store holds person keys
    /// for the profiles, or when neither is paired and there is nothing to lose (no profiles, or no
    /// profile database yet). Used before every census and Cli verb.
    /// </summary>
    /// <exception cref="KeyStoreMismatchException">The key store is missing, empty, unpaired beside profiles, or another database's.</exception>
    /// <exception cref="KeyRingUnavailableException">The profile database is older than this version.</exception>
    public async Task VerifyAsync(CancellationToken cancellationToken)
    {
        // No profile database yet: nothing to protect, and the verb refuses a missing one itself
        // (keys init creates one, and the gateway's first start pairs it).
        if (!await DatabaseSchema.IsInitializedAsync(db.Database, cancellationToken))
        {
            return;
        }

        var profiles = await ReadProfileSideAsync(cancellationToken);
        await using var keyStore = await keyStores.CreateDbContextAsync(cancellationToken);
        var keys = await ReadKeyStoreSideAsync(keyStore, cancellationToken);
        RefuseMismatch(profiles, keys, keyStore);
        if (profiles.PairingId is null && profiles.HoldsProfiles)
        {
            throw Mismatch(keyStore, "is not paired with the profile database yet, which holds profiles: start the gateway of this version once, and it pairs them after checking that the key store holds this database's person keys");
        }
    }

    /// <summary>
    /// For work that deletes what the other database lacks (<see cref="PersonKeySweep"/>): passes
    /// only when both databases exist and carry the same pairing id. A mistyped profile database
    /// would otherwise look empty, and every key in the store orphaned.
    /// </summary>
    /// <exception cref="KeyStoreMismatchException">Either database is missing or unpaired, or they are not a pair.</exception>
    public async Task RequirePairedAsync(CancellationToken cancellationToken)
    {
        var profiles = await ReadProfileSideAsync(cancellationToken);
        await using var keyStore = await keyStores.CreateDbContextAsync(cancellationToken);
        var keys = await ReadKeyStoreSideAsync(keyStore, cancellationToken);
        RefuseMismatch(profiles, keys, keyStore);
        if (profiles.PairingId is null || profiles.PairingId != keys.PairingId)
        {
            throw Mismatch(keyStore, "and the profile database are not a pair yet (or the profile database is missing); start the gateway of this version on them once");
        }
    }

    /// <summary>
    /// Before the gateway creates or migrates the key store: refuses a missing one unless the
    /// profile database is new, so a mistyped setting never leaves an empty store behind.
    /// </summary>
    /// <exception cref="KeyStoreMismatchException">The key store is missing while the profile database is paired or holds profiles.</exception>
    public async Task RefuseMissingAsync(KeyStoreDbContext keyStore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyStore);
        var profiles = await ReadProfileSideAsync(cancellationToken);
        if ((profiles.PairingId is not null || profiles.HoldsProfiles) && !await keyStore.Database.Engine().ExistsAsync(keyStore.Database, cancellationToken))
        {
            throw Missing(keyStore, profiles);
        }
    }

    /// <summary>
    /// At gateway start, under the startup lock, with both databases migrated: checks the pair and
    /// binds an unpaired one (a new pair, one migrated from before pairing ids, or a pairing a crash
    /// left half-written) once the key store is shown to hold this database's person keys.
    /// </summary>
    /// <exception cref="KeyStoreMismatchException">The stores carry different ids, or the key store does not hold this database's person keys.</exception>
    public async Task PairAsync(KeyStoreDbContext keyStore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyStore);
        var profiles = await ReadProfileSideAsync(cancellationToken);
        var keys = await ReadKeyStoreSideAsync(keyStore, cancellationToken);
        if (profiles.PairingId is not null && keys.PairingId is not null)
        {
            RefuseMismatch(profiles, keys, keyStore);
            return;
        }

        await ProveBelongsAsync(keyStore, profiles, keys, cancellationToken);
        var pairing = new StorePairing { Id = profiles.PairingId ?? keys.PairingId ?? Guid.NewGuid(), PairedAt = time.GetUtcNow() };

        // The key store first: a crash between the writes leaves one side paired, which the next
        // start completes after the same proof.
        if (keys.PairingId is null)
        {
            keyStore.StorePairing.Add(pairing);
            await keyStore.SaveChangesAsync(cancellationToken);
        }

        if (profiles.PairingId is null)
        {
            db.StorePairing.Add(pairing);
            await db.SaveChangesAsync(cancellationToken);
        }

        LogPaired(logger, pairing.Id);
    }

    private async Task<ProfileSide> ReadProfileSideAsync(CancellationToken cancellationToken)
    {
        if (!await DatabaseSchema.IsInitializedAsync(db.Database, cancellationToken))
        {
            return new ProfileSide(null, HoldsProfiles: false);
        }

        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new KeyRingUnavailableException("The database schema is older than this tool; start the gateway of this version once to migrate it.");
        }

        var ids = await db.StorePairing.AsNoTracking().Select(p => p.Id).ToListAsync(cancellationToken);
        if (ids.Count > 1)
        {
            throw new KeyStoreMismatchException("The profile database holds several pairing ids; it was merged from several databases and no key store can be trusted to match it.");
        }

        return new ProfileSide(ids.Count == 1 ? ids[0] : null, await db.Profiles.AnyAsync(cancellationToken));
    }

    private static async Task<KeyStoreSide> ReadKeyStoreSideAsync(KeyStoreDbContext keyStore, CancellationToken cancellationToken)
    {
        if (!await DatabaseSchema.IsInitializedAsync(keyStore.Database, cancellationToken))
        {
            return new KeyStoreSide(Exists: false, null, HoldsPersonKeys: false);
        }

        var ids = await keyStore.StorePairing.AsNoTracking().Select(p => p.Id).ToListAsync(cancellationToken);
        if (ids.Count > 1)
        {
            throw Mismatch(keyStore, "holds several pairing ids; it was merged from several key stores");
        }

        return new KeyStoreSide(Exists: true, ids.Count == 1 ? ids[0] : null, await keyStore.PersonKeys.AnyAsync(cancellationToken));
    }

    private static void RefuseMismatch(ProfileSide profiles, KeyStoreSide keys, KeyStoreDbContext keyStore)
    {
        if (!keys.Exists)
        {
            if (profiles.PairingId is not null || profiles.HoldsProfiles)
            {
                throw Missing(keyStore, profiles);
            }

            return;
        }

        if (profiles.HoldsProfiles && !keys.HoldsPersonKeys)
        {
            throw Mismatch(keyStore, "holds no person keys while the profile database holds profiles: it was emptied, or the setting names the wrong key store");
        }

        switch (profiles.PairingId, keys.PairingId)
        {
            case ({ } database, { } store) when database != store:
                throw Mismatch(keyStore, "belongs to another database (its pairing id differs from the profile database's)");
            case ({ }, null) when keys.HoldsPersonKeys:
                throw Mismatch(keyStore, "was never paired with this database, which is paired with another key store");
            case ({ }, null):
                throw Mismatch(keyStore, "is empty, and the profile database is paired with a key store that holds its person keys");
            case (null, { }):
                throw Mismatch(keyStore, "is paired with another database");
        }
    }

    // An unpaired key store may be bound only if it holds the person keys of this database's
    // profiles, or when neither holds any.
    private async Task ProveBelongsAsync(KeyStoreDbContext keyStore, ProfileSide profiles, KeyStoreSide keys, CancellationToken cancellationToken)
    {
        if (!profiles.HoldsProfiles)
        {
            if (keys.HoldsPersonKeys)
            {
                throw Mismatch(keyStore, "holds person keys while the profile database holds no profiles: it belongs to another database");
            }

            return;
        }

        if (!keys.HoldsPersonKeys)
        {
            throw Mismatch(keyStore, "holds no person keys while the profile database holds profiles: either the profiles are development data sealed in the retired format 1 (delete the database file to have Development seed it again; see docs/encryption.md), or the setting names the wrong key store");
        }

        var sample = await db.Profiles.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).Take(ProofSampleSize).ToListAsync(cancellationToken);
        var matched = await keyStore.PersonKeys.AsNoTracking().Where(k => sample.Contains(k.ProfileId)).Select(k => k.ProfileId).Distinct().CountAsync(cancellationToken);
        if (matched * 2 <= sample.Count)
        {
            throw Mismatch(keyStore, $"holds the person keys of {matched} of {sample.Count} profiles sampled from the profile database: it belongs to another database");
        }
    }

    private static KeyStoreMismatchException Missing(KeyStoreDbContext keyStore, ProfileSide profiles) =>
        Mismatch(keyStore, profiles.HoldsProfiles
            ? "does not exist while the profile database holds profiles; nothing was created. Either the setting names the wrong key store, or the profiles are development data sealed in the retired format 1 (delete the database file to have Development seed it again; see docs/encryption.md)"
            : "does not exist while the profile database is paired with a key store; nothing was created");

    private static KeyStoreMismatchException Mismatch(KeyStoreDbContext keyStore, string what) =>
        new($"The key store '{keyStore.Database.Engine().Describe(keyStore.Database.GetConnectionString())}' ({Setting}) {what}. "
            + $"Check {Setting}: no key was counted, changed or created.");

    [LoggerMessage(EventId = 1040, EventName = "KeyStorePaired", Level = LogLevel.Information, Message = "The profile database and its key store are paired under id {PairingId}.")]
    private static partial void LogPaired(ILogger logger, Guid pairingId);

    private sealed record ProfileSide(Guid? PairingId, bool HoldsProfiles);

    private sealed record KeyStoreSide(bool Exists, Guid? PairingId, bool HoldsPersonKeys);
}
