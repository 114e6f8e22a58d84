using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Protection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.KeyRing;

/// <summary>
/// Keeps ring key revocations in the database (<see cref="RingKeyRevocation"/>) and loads them into
/// <see cref="RecordedRevocations"/> before the ring is read, so a revocation survives the loss of
/// its file in the ring folder.
/// </summary>
public sealed class RingKeyRevocationRecords(CloudjetDbContext db, RecordedRevocations recorded, TimeProvider time)
{
    /// <summary>
    /// Loads every recorded revocation. A database not yet created or migrated to this version holds
    /// none to load: the gateway migrates it before it reads the ring, and the tools refuse it.
    /// </summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!await DatabaseSchema.IsCurrentAsync(db.Database, cancellationToken))
        {
            return;
        }

        var rows = await db.RingKeyRevocations.AsNoTracking().Select(r => new { r.KeyId, r.RevokedAt }).ToListAsync(cancellationToken);
        recorded.Add(rows.Select(r => (r.KeyId, r.RevokedAt)));
    }

    /// <summary>Records that a custodian revokes <paramref name="keyId"/>, before its file is written; a second revocation keeps the first row.</summary>
    public async Task RecordAsync(Guid keyId, CancellationToken cancellationToken)
    {
        var revokedAt = time.GetUtcNow();
        if (!await db.RingKeyRevocations.AnyAsync(r => r.KeyId == keyId, cancellationToken))
        {
            db.RingKeyRevocations.Add(new RingKeyRevocation { KeyId = keyId, RevokedAt = revokedAt });
            await db.SaveChangesAsync(cancellationToken);
        }

        recorded.Add([(keyId, revokedAt)]);
    }

    /// <summary>
    /// Adds to the context (saved with the caller's changes) the revocations the ring holds that the
    /// database does not: those written before revocations were recorded, or by Data Protection alone.
    /// </summary>
    /// <returns>How many were added.</returns>
    public async Task<int> AddRevokedInRingAsync(IReadOnlyCollection<IKey> ringKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ringKeys);
        var known = (await db.RingKeyRevocations.Select(r => r.KeyId).ToListAsync(cancellationToken)).ToHashSet();
        var found = ringKeys.Where(key => key.IsRevoked && !known.Contains(key.KeyId)).Select(key => key.KeyId).ToList();
        var now = time.GetUtcNow();
        db.RingKeyRevocations.AddRange(found.Select(keyId => new RingKeyRevocation { KeyId = keyId, RevokedAt = now }));
        recorded.Add(found.Select(keyId => (keyId, now)));
        return found.Count;
    }
}
