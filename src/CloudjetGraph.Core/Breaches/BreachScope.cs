using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Breaches;

/// <summary>
/// The scope of a breach from the trail alone: every profile whose personal fields were released
/// to staff in a window (from inclusive, to exclusive), optionally by one staff subject, with who
/// read it and which fields. Ids only; the Cli adds contact emails for the notification.
/// </summary>
public sealed class BreachScope(CloudjetDbContext db, TimeProvider time)
{
    /// <summary>The affected profiles, by id, each with its readers.</summary>
    public async Task<IReadOnlyList<BreachProfile>> ReadAsync(DateTimeOffset from, DateTimeOffset to, string? subject, CancellationToken cancellationToken)
    {
        var reads = from read in db.AuditEntryProfiles.AsNoTracking()
                    join entry in db.AuditEntries.AsNoTracking() on read.EntrySequence equals entry.Sequence
                    where entry.Kind == AuditEntryKinds.Release && entry.At >= @from && entry.At < to
                    select new { read.ProfileId, entry.ActorSubject, entry.ActorRole, entry.At, read.Fields, entry.ConfidentialUntil };
        if (subject is not null)
        {
            reads = reads.Where(r => r.ActorSubject == subject);
        }

        var rows = await reads.ToListAsync(cancellationToken);

        // Compared here: SQLite cannot compare stored DateTimeOffset values in SQL.
        var now = time.GetUtcNow();
        return
        [
            .. rows.GroupBy(r => r.ProfileId)
                .OrderBy(g => g.Key)
                .Select(profile => new BreachProfile(
                    profile.Key,
                    [
                        .. profile.GroupBy(r => (r.ActorSubject, r.ActorRole))
                            .OrderBy(g => g.Key.ActorSubject, StringComparer.Ordinal)
                            .ThenBy(g => g.Key.ActorRole, StringComparer.Ordinal)
                            .Select(reader => new BreachReader(
                                reader.Key.ActorSubject,
                                reader.Key.ActorRole,
                                [.. reader.SelectMany(r => r.Fields.Split(',')).Distinct().Order(StringComparer.Ordinal)],
                                reader.Count(),
                                reader.Min(r => r.At),
                                reader.Max(r => r.At))),
                    ],
                    profile.Select(r => r.ConfidentialUntil).Where(until => until > now).Max())),
        ];
    }
}
