using CloudjetGraph.Core.Audit;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.IntegrationTests.Retention;

/// <summary>
/// What someone with write access to the profile database, and no key, can do to the trail: delete
/// entries, store them as pruned, edit an entry, and recompute every link after it (the chain is
/// key-free, so the links alone then hold).
/// </summary>
internal static class TrailTampering
{
    public static Task<int> DeleteAsync(CloudjetApplication app, long sequence) =>
        app.ExecuteSqlAsync("DELETE FROM AuditEntryProfiles WHERE EntrySequence = $s; DELETE FROM AuditEntries WHERE Sequence = $s", ("$s", sequence));

    public static Task<int> StorePrunedAsync(CloudjetApplication app, AuditEntry entry, long checkpoint) =>
        app.ExecuteSqlAsync(
            "INSERT INTO AuditPrunedEntries (Sequence, Link, CheckpointSequence) VALUES ($s, $l, $c)",
            ("$s", entry.Sequence),
            ("$l", entry.Link!),
            ("$c", checkpoint));

    /// <summary>Rewrites entry <paramref name="sequence"/>'s detail with <paramref name="edit"/>, then relinks from it to the head.</summary>
    public static Task EditDetailAndRelinkAsync(CloudjetApplication app, long sequence, Func<string, string> edit) => app.WithDbAsync(async db =>
    {
        var entries = await db.AuditEntries.Include(e => e.Profiles).Where(e => e.Sequence >= sequence).OrderBy(e => e.Sequence).ToListAsync();
        db.Entry(entries[0]).Property(e => e.Detail).CurrentValue = edit(entries[0].Detail);
        var previous = await LinkBeforeAsync(db, sequence);
        foreach (var entry in entries)
        {
            entry.Link = previous = AuditChainFormat.Link(previous, entry);
        }

        return await db.SaveChangesAsync();
    });

    /// <summary>Relinks every entry from <paramref name="sequence"/> to the head.</summary>
    public static Task RelinkFromAsync(CloudjetApplication app, long sequence) => EditDetailAndRelinkAsync(app, sequence, detail => detail);

    /// <summary>Appends <paramref name="entry"/> after the head, linked, as the gateway would.</summary>
    public static Task AppendAsync(CloudjetApplication app, AuditEntry entry) => app.WithDbAsync(async db =>
    {
        entry.Link = AuditChainFormat.Link(await LinkBeforeAsync(db, entry.Sequence), entry);
        db.AuditEntries.Add(entry);
        return await db.SaveChangesAsync();
    });

    // The link of the entry before, kept or pruned.
    private static async Task<byte[]> LinkBeforeAsync(Core.Data.CloudjetDbContext db, long sequence) =>
        await db.AuditEntries.Where(e => e.Sequence == sequence - 1).Select(e => e.Link).SingleOrDefaultAsync()
            ?? await db.AuditPrunedEntries.Where(p => p.Sequence == sequence - 1).Select(p => p.Link).SingleAsync();
}
