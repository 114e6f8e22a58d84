using System.Globalization;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Data.Engines;
using CloudjetGraph.Core.ProfileRecords;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>
/// <c>keys sweep</c>: deletes person keys whose profile is gone, such as those an erasure racing a
/// rekey left before rekeys locked the old key. They protect nothing anyone can reach, but no API
/// removes them and each one keeps a key alive that an erasure meant to destroy. Runs only on a
/// proven pair (<see cref="KeyStorePairing.RequirePairedAsync"/>): through a mistyped profile
/// database every key would look orphaned.
/// </summary>
public sealed partial class PersonKeySweep(
    CloudjetDbContext db,
    IDbContextFactory<KeyStoreDbContext> keyStores,
    KeyStorePairing pairing,
    OperationLog operations,
    TimeProvider time,
    ILogger<PersonKeySweep> logger)
{
    /// <summary>
    /// A sign-up stores its person key before its profile row: a key younger than this may belong
    /// to one still in flight, and is left for a later sweep.
    /// </summary>
    public static readonly TimeSpan MinimumAge = TimeSpan.FromHours(1);

    private const int ChunkSize = 500;

    /// <summary>Finds the orphans and, unless <paramref name="dryRun"/>, deletes them securely; a real sweep is recorded as <paramref name="actor"/>'s operation.</summary>
    /// <exception cref="KeyStoreMismatchException">The databases are not a proven pair.</exception>
    public Task<PersonKeySweepResult> SweepAsync(OperationActor actor, bool dryRun, CancellationToken cancellationToken) =>
        dryRun
            ? SweepAsync(remove: false, cancellationToken)
            : operations.RunAsync(
                actor,
                CustodianOperationNames.Sweep,
                "person keys without a profile",
                token => SweepAsync(remove: true, token),
                result => new OperationSummary(
                    "person keys without a profile",
                    string.Create(CultureInfo.InvariantCulture, $"Examined {result.Examined} key row(s); removed {result.Removed} whose profile is gone.")),
                cancellationToken);

    private async Task<PersonKeySweepResult> SweepAsync(bool remove, CancellationToken cancellationToken)
    {
        await pairing.RequirePairedAsync(cancellationToken);
        var bornBefore = time.GetUtcNow() - MinimumAge;
        await using var keyStore = await keyStores.CreateDbContextAsync(cancellationToken);
        long examined = 0;
        var orphans = new List<Guid>();
        Guid? after = null;
        while (true)
        {
            var rows = await keyStore.PersonKeys.AsNoTracking()
                .Where(k => after == null || k.Id.CompareTo(after.Value) > 0)
                .OrderBy(k => k.Id)
                .Select(k => new { k.Id, k.ProfileId, k.CreatedAt })
                .Take(ChunkSize)
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            examined += rows.Count;
            after = rows[^1].Id;
            var profileIds = rows.Select(r => r.ProfileId).Distinct().ToList();
            var living = (await db.Profiles.AsNoTracking().Where(p => profileIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();

            // Compared here: SQLite cannot compare stored DateTimeOffset values in SQL.
            orphans.AddRange(rows.Where(r => !living.Contains(r.ProfileId) && r.CreatedAt < bornBefore).Select(r => r.Id));
        }

        if (!remove || orphans.Count == 0)
        {
            return new PersonKeySweepResult(examined, orphans.Count, 0);
        }

        var removed = 0;
        foreach (var chunk in orphans.Chunk(ChunkSize))
        {
            var (erased, flushed) = await SecureErasure.RunAsync(keyStore.Database, () => keyStore.PersonKeys.Where(k => chunk.Contains(k.Id)).ExecuteDeleteAsync(cancellationToken), cancellationToken);
            removed += erased;
            if (!flushed)
            {
                LogFlushBusy(logger, erased);
            }
        }

        LogSwept(logger, removed);
        return new PersonKeySweepResult(examined, orphans.Count, removed);
    }

    [LoggerMessage(EventId = 1205, EventName = "PersonKeysSwept", Level = LogLevel.Warning, Message = "Removed {KeyCount} person key row(s) whose profile is gone.")]
    private static partial void LogSwept(ILogger logger, int keyCount);

    [LoggerMessage(EventId = 1206, EventName = "PersonKeySweepFlushBusy", Level = LogLevel.Warning, Message = "The key store's WAL could not be truncated after {KeyCount} swept person key row(s) were deleted (readers busy); their pages leave it at the next checkpoint.")]
    private static partial void LogFlushBusy(ILogger logger, int keyCount);
}
