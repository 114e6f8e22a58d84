using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Audit;

/// <summary>
/// Walks the whole chain from the first entry and stops at the first entry that breaks it: a
/// sequence that is not one more than the one before (an entry deleted or moved), a missing link,
/// or a stored link that is not SHA-256 over the previous link and the entry as stored. An entry
/// pruned by retention counts only with its stored link and a later checkpoint whose digest covers
/// exactly the entries pruned under it (<see cref="AuditCheckpointFormat"/>), and whose seal holds
/// (<see cref="AuditCheckpointSeal"/>; checkpoints written before seals carry none, and are accepted
/// only before the first sealed one). Reads only; loads the key ring's data keys at the first sealed checkpoint.
/// </summary>
public sealed class AuditChainVerifier(CloudjetDbContext db, AuditCheckpointSeal seal)
{
    private const int PageSize = 1000;

    /// <summary>Verifies the chain; with <paramref name="expectedHead"/>, also that the entry an operator anchored is still there with the same link.</summary>
    /// <exception cref="AuditTrailUnavailableException">The database does not exist or is not migrated to this version; nothing was created.</exception>
    /// <exception cref="Errors.KeyRingUnavailableException">The trail holds a sealed checkpoint and the key ring cannot unwrap the data keys.</exception>
    public async Task<AuditVerification> VerifyAsync(AuditAnchor? expectedHead, CancellationToken cancellationToken)
    {
        await AuditTrailUnavailableException.ThrowIfNotMigratedAsync(db.Database, cancellationToken);

        var previous = AuditChainFormat.Genesis.ToArray();
        long expected = 1;
        long prunedCount = 0;
        var anchorSeen = false;
        long? firstSealed = null;
        long unsealed = 0;
        Dictionary<long, long> unattested = [];
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking().Include(e => e.Profiles)
                .Where(e => e.Sequence >= expected)
                .OrderBy(e => e.Sequence)
                .Take(PageSize)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            var full = page.Count == PageSize;
            var through = full ? page[^1].Sequence : long.MaxValue;
            var pruned = await db.AuditPrunedEntries.AsNoTracking()
                .Where(p => p.Sequence >= expected && p.Sequence <= through)
                .ToDictionaryAsync(p => p.Sequence, cancellationToken);
            var entries = page.ToDictionary(e => e.Sequence);
            var last = Math.Max(full ? through : 0, Math.Max(page.Count == 0 ? 0 : page[^1].Sequence, pruned.Count == 0 ? 0 : pruned.Keys.Max()));
            for (; expected <= last; expected++)
            {
                if (pruned.TryGetValue(expected, out var tombstone) && !entries.ContainsKey(expected))
                {
                    // Its content is gone; the next entry's link proves the stored link, the checkpoint's digest that it was pruned.
                    unattested.TryAdd(tombstone.CheckpointSequence, expected);
                    previous = tombstone.Link;
                    prunedCount++;
                    if (expectedHead is { } prunedAnchor && prunedAnchor.Sequence == expected)
                    {
                        if (!prunedAnchor.Link.AsSpan().SequenceEqual(tombstone.Link))
                        {
                            return AuditVerification.Broken(expected - 1, expected, $"entry {expected} is not the anchored entry (the chain was rewritten)");
                        }

                        anchorSeen = true;
                    }

                    continue;
                }

                if (!entries.TryGetValue(expected, out var entry))
                {
                    return AuditVerification.Broken(expected - 1, expected, $"entry {expected} is missing (the next entry is {NextAfter(expected, entries, pruned)})");
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

                if (entry.Kind == AuditEntryKinds.Checkpoint)
                {
                    if (!await AttestsAsync(entry, cancellationToken))
                    {
                        return AuditVerification.Broken(expected - 1, expected, $"checkpoint {expected} does not match the entries stored as pruned under it (one added, removed or altered)");
                    }

                    switch (await seal.VerifyAsync(entry, previous, cancellationToken))
                    {
                        case false:
                            return AuditVerification.Broken(expected - 1, expected, $"checkpoint {expected} fails its seal (forged, edited, or moved from its place)");
                        case null when firstSealed is { } since:
                            return AuditVerification.Broken(expected - 1, expected, $"checkpoint {expected} carries no seal, though checkpoint {since} before it does (forged)");
                        case null:
                            unsealed++;
                            break;
                        default:
                            firstSealed ??= expected;
                            break;
                    }

                    unattested.Remove(entry.Sequence);
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
            }

            if (!full)
            {
                break;
            }
        }

        var count = expected - 1;
        if (unattested.Count > 0)
        {
            var orphan = unattested.Values.Min();
            return AuditVerification.Broken(orphan - 1, orphan, $"entry {orphan} is stored as pruned, but no checkpoint after it attests it");
        }

        if (expectedHead is { } head && !anchorSeen)
        {
            return AuditVerification.Broken(count, head.Sequence, $"entry {head.Sequence}, the anchored head, is gone (the chain ends at {count}: its tail was cut)");
        }

        return AuditVerification.Intact(count, new AuditAnchor(count, previous), prunedCount, unsealed);
    }

    // A checkpoint attests exactly the entries stored as pruned under it: their digest is in its detail, which its link covers.
    private async Task<bool> AttestsAsync(AuditEntry checkpoint, CancellationToken cancellationToken)
    {
        var pruned = await db.AuditPrunedEntries.AsNoTracking()
            .Where(p => p.CheckpointSequence == checkpoint.Sequence)
            .OrderBy(p => p.Sequence)
            .ToListAsync(cancellationToken);
        return pruned.Count > 0
            && pruned[^1].Sequence < checkpoint.Sequence
            && AuditCheckpointFormat.DigestOf(checkpoint.Detail) is { } digest
            && digest.AsSpan().SequenceEqual(AuditCheckpointFormat.Digest(pruned));
    }

    private static long NextAfter(long sequence, Dictionary<long, AuditEntry> entries, Dictionary<long, AuditPrunedEntry> pruned) =>
        entries.Keys.Concat(pruned.Keys).Where(s => s > sequence).DefaultIfEmpty(sequence + 1).Min();
}
