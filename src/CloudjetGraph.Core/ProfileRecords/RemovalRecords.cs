using CloudjetGraph.Core.Data;

namespace CloudjetGraph.Core.ProfileRecords;

/// <summary>
/// Writes <see cref="StoredRecordRemoval"/> rows beside the delete they describe, in the caller's
/// transaction: every path that removes a profile or an invitation's blind index goes through here.
/// </summary>
internal static class RemovalRecords
{
    /// <summary>Records that these records (id and creation time) of <paramref name="kind"/> left the database at <paramref name="removedAt"/>.</summary>
    public static async Task RecordAsync(CloudjetDbContext db, string kind, IEnumerable<(Guid Id, DateTimeOffset CreatedAt)> records, DateTimeOffset removedAt, CancellationToken cancellationToken)
    {
        List<StoredRecordRemoval> removals = [.. records.Select(r => new StoredRecordRemoval { RecordId = r.Id, Kind = kind, StoredSince = r.CreatedAt, RemovedAt = removedAt })];
        if (removals.Count == 0)
        {
            return;
        }

        db.StoredRecordRemovals.AddRange(removals);
        await db.SaveChangesAsync(cancellationToken);
    }
}
