using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Data.Engines;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Audit;

/// <summary>
/// Walks the whole chain from the first entry and stops at the first entry that breaks it: a
/// sequence that is not one more than the one before (an entry deleted or moved), a missing link,
/// or a stored link that is not SHA-256 over the previous link and the entry as stored. Reads only.
/// </summary>
public sealed class AuditChainVerifier(CloudjetDbContext db)
{
    private const int PageSize = 1000;

    /// <summary>Verifies the chain; with <paramref name="expectedHead"/>, also that the entry an operator anchored is still there with the same link.</summary>
    /// <exception cref="AuditTrailUnavailableException">The database does not exist or is not migrated to this version; nothing was created.</exception>
    public async Task<AuditVerification> VerifyAsync(AuditAnchor? expectedHead, CancellationToken cancellationToken)
    {
        if (!await DatabaseSchema.IsCurrentAsync(db.Database, cancellationToken))
        {
            throw new AuditTrailUnavailableException($"The database ({db.Database.Engine().Describe(db.Database.GetConnectionString())}) does not exist or is not migrated to this version; start the gateway once to migrate it.");
        }

        var previous = AuditChainFormat.Genesis.ToArray();
        long expected = 1;
        var anchorSeen = false;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking().Include(e => e.Profiles)
                .Where(e => e.Sequence >= expected)
                .OrderBy(e => e.Sequence)
                .Take(PageSize)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            foreach (var entry in page)
            {
                if (entry.Sequence != expected)
                {
                    return AuditVerification.Broken(expected - 1, expected, $"entry {expected} is missing (the next entry is {entry.Sequence})");
                }

                if (entry.Link is null)
                {
                    return AuditVerification.Broken(expected - 1, expected, $"entry {expected} has no link");
                }

                var link = AuditChainFormat.Link(previous, entry);
                if (!link.AsSpan().SequenceEqual(entry.Link))
                {
                    return AuditVerification.Broken(expected - 1, expected, $"entry {expected} does not match its link (edited, moved or swapped)");
                }

                if (expectedHead is { } anchor && anchor.Sequence == entry.Sequence)
                {
                    if (!anchor.Link.AsSpan().SequenceEqual(entry.Link))
                    {
                        return AuditVerification.Broken(expected - 1, expected, $"entry {expected} is not the anchored entry (the chain was rewritten)");
                    }

                    anchorSeen = true;
                }

                previous = entry.Link;
                expected++;
            }

            if (page.Count < PageSize)
            {
                break;
            }
        }

        var count = expected - 1;
        if (expectedHead is { } head && !anchorSeen)
        {
            return AuditVerification.Broken(count, head.Sequence, $"entry {head.Sequence}, the anchored head, is gone (the chain ends at {count}: its tail was cut)");
        }

        return AuditVerification.Intact(count, new AuditAnchor(count, previous));
    }
}
