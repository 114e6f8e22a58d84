using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Audit;

/// <summary>
/// Extends the chain inside a transaction that already holds the trail's lock
/// (<see cref="Data.Engines.IDatabaseEngine.LockAuditTrailAsync"/>): reads the head, then appends
/// entries after it. Shared by the <see cref="AuditTrailWriter"/> and the <see cref="AuditPruner"/>,
/// whose checkpoint must join the chain in the transaction that deletes what it attests.
/// </summary>
internal static class AuditChainAppender
{
    /// <summary>The last entry and its link. Rows without a link came from a migration (only ever at the end of the trail): they are sealed in order first.</summary>
    public static async Task<(long Sequence, byte[] Link)> HeadAsync(CloudjetDbContext db)
    {
        var last = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Link })
            .FirstOrDefaultAsync(CancellationToken.None);
        if (last is null)
        {
            return (0, AuditChainFormat.Genesis.ToArray());
        }

        return last.Link is { } link ? (last.Sequence, link) : await SealMigratedAsync(db);
    }

    /// <summary>Appends <paramref name="drafts"/> after <paramref name="head"/>, all at <paramref name="at"/>; returns the last sequence number.</summary>
    public static async Task<long> AppendAsync(CloudjetDbContext db, (long Sequence, byte[] Link) head, IEnumerable<AuditEntryDraft> drafts, DateTimeOffset at)
    {
        var (sequence, link) = head;
        var millisecond = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
        var entries = new List<AuditEntry>();
        foreach (var draft in drafts)
        {
            var entry = ToEntry(++sequence, millisecond, draft);
            entry.Link = AuditChainFormat.Link(link, entry);
            link = entry.Link;
            entries.Add(entry);
        }

        await RowInserts.InsertAsync(db, entries, CancellationToken.None);
        await RowInserts.InsertAsync(db, [.. entries.SelectMany(entry => entry.Profiles)], CancellationToken.None);
        return sequence;
    }

    private static async Task<(long Sequence, byte[] Link)> SealMigratedAsync(CloudjetDbContext db)
    {
        var sealedHead = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Link != null)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Link })
            .FirstOrDefaultAsync(CancellationToken.None);
        var sequence = sealedHead?.Sequence ?? 0;
        var link = sealedHead?.Link ?? AuditChainFormat.Genesis.ToArray();
        var unsealed = await db.AuditEntries.Include(e => e.Profiles).Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence).ToListAsync(CancellationToken.None);
        foreach (var entry in unsealed)
        {
            entry.Link = AuditChainFormat.Link(link, entry);
            link = entry.Link;
            sequence = entry.Sequence;
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return (sequence, link);
    }

    private static AuditEntry ToEntry(long sequence, DateTimeOffset at, AuditEntryDraft draft) => new()
    {
        Sequence = sequence,
        At = at,
        Kind = draft.Kind,
        ActorSubject = AuditColumns.Cut(draft.Actor.Subject, AuditColumns.MaxSubjectLength),
        ActorRole = draft.Actor.Role,
        Operation = AuditColumns.Cut(draft.Operation, AuditColumns.MaxOperationLength),
        Target = AuditColumns.Cut(draft.Target, AuditColumns.MaxTargetLength),
        Outcome = draft.Outcome,
        Detail = AuditColumns.Cut(draft.Detail, AuditColumns.MaxDetailLength),
        Purpose = draft.Purpose,
        DisclosureLaw = draft.Disclosure?.Law,
        DisclosureArticle = draft.Disclosure?.Article,
        ConfidentialUntil = draft.Disclosure?.ConfidentialUntil,
        Profiles = [.. draft.Profiles.Select(p => new AuditEntryProfile
        {
            EntrySequence = sequence, ProfileId = p.Key, Fields = p.Value, PolicyVersion = draft.PolicyVersions?.GetValueOrDefault(p.Key),
        })],
    };
}
