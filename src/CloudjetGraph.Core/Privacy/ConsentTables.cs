using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Privacy;

/// <summary>The profile database's consent histories.</summary>
internal static class ConsentTables
{
    extension(CloudjetDbContext db)
    {
        /// <summary>Every acceptance and withdrawal of consent; kept after an erasure (ids, versions and times only).</summary>
        public DbSet<ConsentEvent> ConsentEvents => db.Set<ConsentEvent>();
    }
}
