using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Data.Engines;
using CloudjetGraph.Core.ProfileRecords;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Onboarding;

/// <summary>
/// Deletes invitations that expired unused before a cut-off: each holds the blind index of the email
/// it was bound to, which nothing needs once it can no longer open an account. Used invitations are
/// not touched (they go with their account). A bound one leaves a <see cref="StoredRecordRemoval"/>. Idempotent.
/// </summary>
internal static class ExpiredInvitations
{
    /// <summary>Deletes the unused invitations that expired before <paramref name="expiredBefore"/>, recorded as removed at <paramref name="now"/>; returns how many.</summary>
    public static async Task<int> PurgeAsync(CloudjetDbContext db, DateTimeOffset expiredBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.Invitations.AsNoTracking()
            .Where(i => i.UsedAt == null)
            .Select(i => new { i.Id, i.ExpiresAt, i.CreatedAt, Bound = i.EmailIndex != null })
            .ToListAsync(cancellationToken);

        // Compared here: SQLite stores these instants as text, which it cannot compare as times.
        var expiring = open.Where(i => i.ExpiresAt < expiredBefore).ToList();
        var expired = expiring.Select(i => i.Id).ToList();
        if (expired.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.Engine().PrepareErasureAsync(db.Database, cancellationToken);
        var deleted = await db.Invitations.Where(i => expired.Contains(i.Id) && i.UsedAt == null).ExecuteDeleteAsync(cancellationToken);
        await RemovalRecords.RecordAsync(db, StoredRecordKinds.Invitation, expiring.Where(i => i.Bound).Select(i => (i.Id, i.CreatedAt)), now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
