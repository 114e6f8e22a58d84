using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.RateLimits;

/// <summary>The profile database's shared rate-limit counters.</summary>
internal static class RateLimitCounterTables
{
    extension(CloudjetDbContext db)
    {
        /// <summary>One row per limit and partition hash, holding its current window's attempts.</summary>
        public DbSet<RateLimitCounter> RateLimitCounters => db.Set<RateLimitCounter>();
    }
}
