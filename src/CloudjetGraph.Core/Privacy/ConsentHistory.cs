using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Privacy;

/// <summary>Reads a person's consent history, oldest first: the one reader for <c>me</c>, exports and reports.</summary>
public sealed class ConsentHistory(CloudjetDbContext db)
{
    /// <summary>Every consent event of the profile, oldest first; empty for an unknown profile.</summary>
    internal async Task<IReadOnlyList<ConsentEvent>> ReadAsync(Guid profileId, CancellationToken cancellationToken) =>
        await db.ConsentEvents.AsNoTracking()
            .Where(e => e.ProfileId == profileId)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
}
