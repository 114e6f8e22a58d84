using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyStore;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Breaches;

/// <summary>
/// The scope of a compromised server: every person whose person key, sealed profile or email blind
/// index the stores held at some moment of a window (both ends inclusive), from what the stores hold
/// now and what they recorded on the way out (<see cref="StoredRecords"/>), with the data categories
/// and the key measures recorded since. It reads through a proven pair of stores only: a census
/// through a wrong or empty key store would count nobody and look like good news.
/// </summary>
public sealed class CompromiseScope(CloudjetDbContext db, IDbContextFactory<KeyStoreDbContext> keyStores, KeyStorePairing pairing)
{
    /// <summary>The census of the window.</summary>
    /// <exception cref="KeyStoreMismatchException">The stores are missing, unpaired, empty beside profiles, or not a pair.</exception>
    public async Task<CompromiseCensus> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await pairing.RequirePairedAsync(cancellationToken);
        var pairingId = await db.StorePairing.AsNoTracking().Select(p => p.Id).SingleAsync(cancellationToken);
        await using var keyStore = await keyStores.CreateDbContextAsync(cancellationToken);
        var records = await new StoredRecords(db, keyStore).ReadAsync(cancellationToken);
        return new CompromiseCensus(
            pairingId,
            [.. records.Where(r => r.StoredDuring(from, to))],
            DataCategories.Held,
            await CompromiseMeasures.SinceAsync(db, from, cancellationToken));
    }
}
