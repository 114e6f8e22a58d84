using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.RateLimits;

/// <summary>
/// Fixed-window attempt counters in the profile database, so that every instance on one database
/// counts against one limit. A window begins at a partition's first attempt, as System.Threading's
/// fixed-window limiter does; each attempt is one atomic upsert, which opens a new window once the
/// row's has ended. Rows of ended windows are pruned.
/// </summary>
public sealed class SharedRateLimitCounters(CloudjetDbContext db, BlindIndex blindIndex, TimeProvider time)
{
    private const string Table = RateLimitCounterConfiguration.Table;

    // {0} limit, {1} partition hash, {2} now, {3} when a window that is still open began at the
    // earliest (now - length + 1), all in Unix milliseconds. The row lock orders concurrent instances.
    private const string CountAttempt = $$"""
        INSERT INTO "{{Table}}" AS counter ("LimitName", "PartitionHash", "WindowStart", "Attempts")
        VALUES ({0}, {1}, {2}, 1)
        ON CONFLICT ("LimitName", "PartitionHash") DO UPDATE SET
            "Attempts" = CASE WHEN counter."WindowStart" >= {3} THEN counter."Attempts" + 1 ELSE 1 END,
            "WindowStart" = CASE WHEN counter."WindowStart" >= {3} THEN counter."WindowStart" ELSE excluded."WindowStart" END
        RETURNING "Attempts", "WindowStart"
        """;

    private const string PruneEndedWindows = $$"""DELETE FROM "{{Table}}" WHERE "WindowStart" < {0}""";

    /// <summary>
    /// Counts one attempt of <paramref name="partition"/> against the limit named
    /// <paramref name="limitName"/> (a fixed string: it is stored) in windows of <paramref name="window"/>.
    /// </summary>
    /// <exception cref="System.Data.Common.DbException">The database could not count it.</exception>
    public async Task<CountedAttempt> CountAsync(string limitName, string partition, TimeSpan window, CancellationToken cancellationToken)
    {
        var length = (long)window.TotalMilliseconds;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var openSince = now - length + 1;
        var hash = blindIndex.ForRateLimitPartition(limitName, partition);
        var counted = (await db.Database.SqlQueryRaw<CounterRow>(CountAttempt, limitName, hash, now, openSince).ToListAsync(cancellationToken)).Single();

        // A partition opening a window is the moment to clear what ended windows left: at most one
        // delete per partition and window, none while a partition is being counted.
        if (counted.Attempts == 1)
        {
            await db.Database.ExecuteSqlRawAsync(PruneEndedWindows, [openSince], cancellationToken);
        }

        return new CountedAttempt(counted.Attempts, DateTimeOffset.FromUnixTimeMilliseconds(counted.WindowStart + length));
    }

    private sealed class CounterRow
    {
        public int Attempts { get; init; }

        public long WindowStart { get; init; }
    }
}
