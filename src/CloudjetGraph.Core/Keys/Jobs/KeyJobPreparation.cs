using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>
/// What a key job needs before its first write: both databases migrated by this version (a job never
/// creates or migrates one) and the data keys unwrapped. Checked before the lease is taken.
/// </summary>
public sealed class KeyJobPreparation(CloudjetDbContext db, IDbContextFactory<KeyStoreDbContext> keyStores, KeyRingBootstrapper bootstrapper)
{
    /// <summary>Checks both schemas, then loads the data keys without creating any.</summary>
    /// <exception cref="KeyRingUnavailableException">A database is missing or older than this tool, or the ring cannot unwrap the data keys.</exception>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await RequireCurrentAsync(db, "database", cancellationToken);
        await using (var keyStore = await keyStores.CreateDbContextAsync(cancellationToken))
        {
            await RequireCurrentAsync(keyStore, "key store", cancellationToken);
        }

        await bootstrapper.LoadExistingAsync(cancellationToken);
    }

    private static async Task RequireCurrentAsync(DbContext context, string name, CancellationToken cancellationToken)
    {
        if (!await DatabaseSchema.IsInitializedAsync(context.Database, cancellationToken) || (await context.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new KeyRingUnavailableException($"The {name} is missing or older than this tool; start the gateway of this version once to create or migrate it.");
        }
    }
}
