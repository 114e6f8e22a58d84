using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyRing;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>
/// Whether each store answers a query, for readiness probes. A query, not only a connection: a
/// missing or dropped table must fail too. The table may be empty (a new key store), so any
/// answer counts; a store that cannot answer throws. Here rather than in <c>Data</c>, which the
/// key store's namespace builds on and must not import.
/// </summary>
public sealed class StoreProbes(CloudjetDbContext db, IDbContextFactory<KeyStoreDbContext> keyStores)
{
    /// <summary>Queries the profile database's data keys; throws when it cannot answer.</summary>
    public async Task ProfileDatabaseAnswersAsync(CancellationToken cancellationToken) =>
        await db.DataKeys.AnyAsync(cancellationToken);

    /// <summary>Queries the key store's person keys; throws when it cannot answer.</summary>
    public async Task KeyStoreAnswersAsync(CancellationToken cancellationToken)
    {
        await using var keyStore = await keyStores.CreateDbContextAsync(cancellationToken);
        await keyStore.PersonKeys.AnyAsync(cancellationToken);
    }
}
