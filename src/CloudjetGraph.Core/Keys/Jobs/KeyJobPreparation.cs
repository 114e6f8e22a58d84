using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>
/// What a key job needs before its first write: both databases migrated by this version (a job never
/// creates or migrates one), the data keys unwrapped, and no person key under a disabled data key.
/// Checked before the lease is taken.
/// </summary>
public sealed class KeyJobPreparation(CloudjetDbContext db, IDbContextFactory<KeyStoreDbContext> keyStores, KeyRingBootstrapper bootstrapper, DataKeyRing ring)
{
    /// <summary>Checks both schemas, then loads the data keys (and which are disabled) without creating any.</summary>
    /// <exception cref="KeyRingUnavailableException">A database is missing or older than this tool, or the ring cannot unwrap the data keys.</exception>
    /// <exception cref="DomainException">Person keys are wrapped under a disabled data key (<see cref="ErrorCodes.KeyDisabled"/>).</exception>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await RequireCurrentAsync(db, "database", cancellationToken);
        await using var keyStore = await keyStores.CreateDbContextAsync(cancellationToken);
        await RequireCurrentAsync(keyStore, "key store", cancellationToken);
        await bootstrapper.LoadExistingAsync(cancellationToken);

        // Every job opens person keys (rewrap, rekey) or values under them (reindex). Under a disabled
        // key each would be skipped one by one, and the job would still end "done".
        var disabled = ring.Disabled.Where(k => k.Purpose == DataKeyPurpose.PersonKeyWrapping).Select(k => k.Id).ToList();
        var blocking = await keyStore.PersonKeys.Where(k => disabled.Contains(k.WrappingKeyId)).Select(k => k.WrappingKeyId).Distinct().ToListAsync(cancellationToken);
        if (blocking is [var first, ..])
        {
            throw new DomainException(ErrorCodes.KeyDisabled,
                $"Person keys are still wrapped under disabled data key {first}, and nothing opens under it. Run `keys enable {first}`, then this job, then disable the key again.");
        }
    }

    private static async Task RequireCurrentAsync(DbContext context, string name, CancellationToken cancellationToken)
    {
        if (!await DatabaseSchema.IsCurrentAsync(context.Database, cancellationToken))
        {
            throw new KeyRingUnavailableException($"The {name} is missing or older than this tool; start the gateway of this version once to create or migrate it.");
        }
    }
}
