using System.Runtime.ExceptionServices;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Data.Engines;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>
/// <c>keys rekey</c>: gives each profile in scope a new person key and re-seals every sealed value
/// under it. The profile database and the key store share no transaction, so each batch writes in
/// an order that leaves every profile readable after a crash at any point: (1) insert the new key
/// rows, (2) compare-and-swap the profiles onto them, (3) delete the keys no value names any more.
/// A rerun finds a profile whose newest key was made by this run (<paramref name="startedAt"/>) and
/// reuses that key, or only deletes what is left over.
/// </summary>
internal sealed partial class ProfileRekeyStep(
    RekeyScope scope,
    DateTimeOffset startedAt,
    CloudjetDbContext db,
    IDbContextFactory<KeyStoreDbContext> keyStores,
    PersonKeyWrapper wrapper,
    ProfileSealer sealer,
    ProfileAccessTag accessTag,
    ILogger<ProfileRekeyStep> logger) : IKeyJobStep
{
    // A profile edited concurrently is read again and retried this many times within its batch.
    private const int Attempts = 3;

    // Profile ids per key store query when counting one organisation's keys.
    private const int ChunkSize = 500;

    // Every sealed column of the catalogue, so a new one is never left under a key about to go.
    private static readonly string[] ResealedColumns =
        [.. PersonalFieldCatalogue.All.Select(descriptor => descriptor.Column.PropertyName), nameof(Profile.PasswordHash), nameof(Profile.AccessTag)];

    /// <summary>Key rows in scope made before the run began: each is a profile still to move, or a leftover to delete.</summary>
    public async Task<long> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var keyStore = await keyStores.CreateDbContextAsync(cancellationToken);
        var keys = keyStore.PersonKeys.AsNoTracking();
        if (scope.ProfileId is { } profileId)
        {
            return (await keys.Where(k => k.ProfileId == profileId).Select(k => k.CreatedAt).ToListAsync(cancellationToken)).LongCount(BeforeRun);
        }

        if (scope.OrganizationId is null)
        {
            // Compared here: SQLite cannot compare stored DateTimeOffset values in SQL.
            long count = 0;
            await foreach (var createdAt in keys.Select(k => k.CreatedAt).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                count += BeforeRun(createdAt) ? 1 : 0;
            }

            return count;
        }

        var profileIds = await scope.Filter(db.Profiles.AsNoTracking()).Select(p => p.Id).ToListAsync(cancellationToken);
        long pending = 0;
        foreach (var chunk in profileIds.Chunk(ChunkSize))
        {
            pending += (await keys.Where(k => chunk.Contains(k.ProfileId)).Select(k => k.CreatedAt).ToListAsync(cancellationToken)).LongCount(BeforeRun);
        }

        return pending;
    }

    /// <inheritdoc />
    public async Task<KeyJobBatchResult> RunBatchAsync(Guid? after, int batchSize, bool dryRun, CancellationToken cancellationToken)
    {
        var profiles = await scope.Filter(db.Profiles.AsNoTracking())
            .Where(p => after == null || p.Id.CompareTo(after.Value) > 0)
            .OrderBy(p => p.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        if (profiles.Count == 0)
        {
            return new KeyJobBatchResult(0, 0, 0, null);
        }

        await using var keyStore = await keyStores.CreateDbContextAsync(cancellationToken);
        var ids = profiles.Select(p => p.Id).ToList();
        var keyRows = (await keyStore.PersonKeys.AsNoTracking().Where(k => ids.Contains(k.ProfileId)).ToListAsync(cancellationToken))
            .GroupBy(k => k.ProfileId)
            .ToDictionary(g => g.Key, g => g.ToList());

        // Profiles this run already moved keep their key; the rest get the key a killed run made, or a new one.
        var targets = new Dictionary<Guid, WrappedPersonKey>();

        // The version at which every value of a profile is under its target: found so, or written so by (2).
        var settledAt = new Dictionary<Guid, long>();
        using var targetKeys = new BatchPersonKeys();
        var toMove = new List<Profile>();
        var newRows = new List<WrappedPersonKey>();
        foreach (var profile in profiles)
        {
            if (!keyRows.TryGetValue(profile.Id, out var rows))
            {
                // Shredded: nothing can be read or re-sealed.
                continue;
            }

            var newest = rows.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id).First();
            var madeByRun = BeforeRun(newest.CreatedAt) ? null : newest;
            if (madeByRun is not null && AllValuesUnder(profile, madeByRun.Id))
            {
                targets[profile.Id] = madeByRun;
                settledAt[profile.Id] = profile.Version;
                continue;
            }

            toMove.Add(profile);
            if (madeByRun is null && !dryRun)
            {
                var (row, key) = wrapper.Create(profile.Id);
                targetKeys.Add(profile.Id, key);
                madeByRun = row;
                newRows.Add(madeByRun);
            }

            targets[profile.Id] = madeByRun!;
        }

        if (dryRun)
        {
            return new KeyJobBatchResult(profiles.Count, toMove.Count, 0, profiles[^1].Id);
        }

        // (1) The new keys first: until step (2) no value names them, and the old keys stay. A
        // profile erased since it was read gets none, and is not moved. Re-sealing touches neither
        // database, so the batch is re-sealed in memory meanwhile.
        var resealing = Task.Run(() => ResealAll(toMove, keyRows, targets, targetKeys, cancellationToken), cancellationToken);
        var inserting = InsertWhileOldKeysExistAsync(keyStore, newRows, keyRows, cancellationToken);
        await Task.WhenAll(resealing, inserting);
        var erased = await inserting;
        var toWrite = (await resealing).Where(profile => !erased.Contains(profile.Id)).ToList();

        var moved = 0;
        var conflicts = 0;
        for (var attempt = 1; toWrite.Count > 0; attempt++)
        {
            var (done, changedConcurrently) = await MoveAsync(toWrite, settledAt, cancellationToken);
            moved += done;
            if (attempt == Attempts || changedConcurrently.Count == 0)
            {
                conflicts = changedConcurrently.Count;
                break;
            }

            // Read again: the concurrent edit is kept, and re-sealed with the rest.
            var retry = changedConcurrently.Select(p => p.Id).ToList();
            toWrite = ResealAll(await db.Profiles.AsNoTracking().Where(p => retry.Contains(p.Id)).ToListAsync(cancellationToken), keyRows, targets, targetKeys, cancellationToken);
        }

        // (3) Only keys that no stored value names any more. A profile still at the version whose
        // values were all under its target is settled: every writer bumps the version, so one
        // edited since, or left in conflict, keeps both keys. Versions only: the batch is not read again.
        var keep = targets.Values.Select(k => k.Id).ToList();
        var settled = (await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Version }).ToListAsync(cancellationToken))
            .Where(p => settledAt.TryGetValue(p.Id, out var version) && version == p.Version)
            .Select(p => p.Id)
            .ToList();
        var (_, flushed) = await SecureErasure.RunAsync(
            keyStore.Database,
            () => keyStore.PersonKeys.Where(k => settled.Contains(k.ProfileId) && !keep.Contains(k.Id)).ExecuteDeleteAsync(cancellationToken),
            cancellationToken);
        if (!flushed)
        {
            LogOldKeysFlushBusy(logger, settled.Count);
        }

        return new KeyJobBatchResult(profiles.Count, moved, conflicts, profiles[^1].Id);
    }

    // One transaction that first locks the profiles' old key rows (a row lock on PostgreSQL, the
    // write lock on SQLite), then inserts a new key only beside an old key that still exists. An
    // erasure that shredded the old key first leaves nothing to lock, so no key outlives its
    // person; one that comes after waits for this commit, and its next pass deletes the new keys too.
    private static async Task<HashSet<Guid>> InsertWhileOldKeysExistAsync(
        KeyStoreDbContext keyStore, List<WrappedPersonKey> newRows, Dictionary<Guid, List<WrappedPersonKey>> keyRows, CancellationToken cancellationToken)
    {
        if (newRows.Count == 0)
        {
            return [];
        }

        var oldKeyIds = newRows.SelectMany(row => keyRows[row.ProfileId].Select(k => k.Id)).ToList();
        await using var transaction = await keyStore.Database.BeginTransactionAsync(cancellationToken);
        await keyStore.PersonKeys.Where(k => oldKeyIds.Contains(k.Id)).ExecuteUpdateAsync(setters => setters.SetProperty(k => k.Version, k => k.Version), cancellationToken);
        var stillKeyed = (await keyStore.PersonKeys.Where(k => oldKeyIds.Contains(k.Id)).Select(k => k.ProfileId).ToListAsync(cancellationToken)).ToHashSet();
        await RowInserts.InsertAsync(keyStore, [.. newRows.Where(row => stillKeyed.Contains(row.ProfileId))], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. newRows.Select(row => row.ProfileId).Where(id => !stillKeyed.Contains(id))];
    }

    // Re-sealing is about half of a batch's work and touches no database, so it runs on every core.
    // The profiles that failed a check are left out, as they are.
    private List<Profile> ResealAll(
        List<Profile> profiles,
        Dictionary<Guid, List<WrappedPersonKey>> keyRows,
        Dictionary<Guid, WrappedPersonKey> targets,
        BatchPersonKeys targetKeys,
        CancellationToken cancellationToken)
    {
        var keys = profiles.Select(profile => targetKeys.GetOrUnwrap(profile.Id, () => wrapper.Unwrap(targets[profile.Id]))).ToList();
        var resealed = new bool[profiles.Count];
        try
        {
            Parallel.For(0, profiles.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => resealed[i] = TryReseal(profiles[i], keyRows[profiles[i].Id], keys[i]));
        }
        catch (AggregateException failure) when (failure.InnerExceptions.Count > 0)
        {
            // The first failure as itself, as a loop on one core would have thrown it.
            ExceptionDispatchInfo.Throw(failure.InnerExceptions[0]);
        }

        return [.. profiles.Where((_, i) => resealed[i])];
    }

    // (2) One transaction per batch, on one connection; each row written only if its version is still the one read.
    private async Task<(int Moved, List<Profile> ChangedConcurrently)> MoveAsync(List<Profile> profiles, Dictionary<Guid, long> settledAt, CancellationToken cancellationToken)
    {
        var moved = 0;
        var changedConcurrently = new List<Profile>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var write = await VersionedRowWrite<Profile>.PrepareAsync(db, ResealedColumns, cancellationToken);
        foreach (var profile in profiles)
        {
            if (await write.TryWriteAsync(profile, cancellationToken))
            {
                settledAt[profile.Id] = profile.Version + 1;
                moved++;
            }
            else
            {
                changedConcurrently.Add(profile);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return (moved, changedConcurrently);
    }

    // A profile whose access tag or values fail their checks is left as it is, under its old key:
    // re-stamping would bless what was written behind the gateway's back.
    private bool TryReseal(Profile profile, List<WrappedPersonKey> rows, PersonKey target)
    {
        if (!accessTag.Check(profile))
        {
            LogNotRekeyed(logger, profile.Id);
            return false;
        }

        var oldKeys = new List<PersonKey>();
        try
        {
            foreach (var row in rows.Where(k => k.Id != target.Id))
            {
                oldKeys.Add(wrapper.Unwrap(row));
            }

            var keys = oldKeys.Append(target).ToDictionary(k => k.Id);
            sealer.Reseal(profile, id => keys.TryGetValue(id, out var key) ? key : throw new FieldIntegrityException($"A value of profile {profile.Id} names a person key it does not have."), target);
        }
        catch (FieldIntegrityException)
        {
            LogNotRekeyed(logger, profile.Id);
            return false;
        }
        finally
        {
            // These keys never enter the cache: their bytes go as soon as the profile is resealed.
            oldKeys.ForEach(key => key.Dispose());
        }

        accessTag.Stamp(profile);
        return true;
    }

    private bool BeforeRun(DateTimeOffset createdAt) => createdAt < startedAt;

    private static bool AllValuesUnder(Profile profile, Guid keyId) =>
        ProfileSealer.SealedValues(profile)
            .All(value => value is null || (SealedValueFormat.TryReadKeyId(value, out var id) && id == keyId));

    [LoggerMessage(EventId = 1307, EventName = "OldPersonKeysFlushBusy", Level = LogLevel.Warning, Message = "The key store's WAL could not be truncated after the old person keys of {ProfileCount} rekeyed profile(s) were deleted (readers busy); their pages leave it at the next checkpoint.")]
    private static partial void LogOldKeysFlushBusy(ILogger logger, int profileCount);

    [LoggerMessage(EventId = 1306, EventName = "ProfileNotRekeyed", Level = LogLevel.Warning, Message = "Profile {ProfileId} failed an integrity check and keeps its person key; the rekey left it as it was.")]
    private static partial void LogNotRekeyed(ILogger logger, Guid profileId);
}
