using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Onboarding;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>
/// The step of <c>keys reindex</c>: recomputes the blind-index entries of profiles that hold an entry
/// not under the active blind-index key (a decrypt-only key's, or one from before entries named
/// their key), from the sealed email and login email. Lookups consult every loaded key meanwhile,
/// so login, sign-up uniqueness and search keep working during the job. Idempotent: a row whose
/// entries are all under the active key is never looked at again.
/// </summary>
internal sealed partial class BlindIndexReindexer(
    CloudjetDbContext db,
    DataKeyRing ring,
    BlindIndex blindIndex,
    ProfileSealer sealer,
    PersonKeyStore personKeys,
    TimeProvider time,
    ILogger<BlindIndexReindexer> logger) : IKeyJobStep
{
    /// <summary>How many profiles still hold an entry that is not under the active key, counted from the stored headers.</summary>
    /// <exception cref="InvalidOperationException">No active blind-index key is loaded.</exception>
    public Task<long> CountPendingAsync(CancellationToken cancellationToken) =>
        Pending().LongCountAsync(cancellationToken);

    /// <summary>
    /// Reindexes the next <paramref name="batchSize"/> pending profiles after <paramref name="after"/>
    /// (by id), each written only if its <see cref="Profile.Version"/> is still the one read, in one
    /// transaction per batch. A row changed concurrently is skipped and counted as a conflict (the
    /// writer's own entries are under the active key already; the next pass takes the rest). A row
    /// whose email no longer opens (shredded, damaged) is skipped and stays pending.
    /// </summary>
    /// <param name="after">The last id of the previous batch, or null to start.</param>
    /// <param name="batchSize">At most this many rows.</param>
    /// <param name="dryRun">Look only: counts the rows, opens and writes nothing.</param>
    /// <param name="cancellationToken">Cancels between rows; the batch's writes are then rolled back.</param>
    /// <returns>The counts; <see cref="KeyJobBatchResult.LastId"/> is null when no row was left after <paramref name="after"/>.</returns>
    /// <exception cref="InvalidOperationException">No active blind-index key is loaded.</exception>
    public async Task<KeyJobBatchResult> RunBatchAsync(Guid? after, int batchSize, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var pending = Pending();
        if (after is { } afterId)
        {
            pending = pending.Where(p => p.Id.CompareTo(afterId) > 0);
        }

        var rows = await pending.OrderBy(p => p.Id).Take(batchSize).ToListAsync(cancellationToken);
        if (rows.Count == 0 || dryRun)
        {
            // A dry run reports every pending row as one that would change, as the other steps do.
            return new KeyJobBatchResult(rows.Count, rows.Count, 0, rows.Count == 0 ? null : rows[^1].Id);
        }

        await personKeys.LoadAsync(rows.Select(p => p.Id), cancellationToken);
        var (changed, conflicts) = (0, 0);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in rows)
        {
            if (!TryIndex(row, out var emailIndex, out var loginEmailIndex))
            {
                continue;
            }

            // Compare-and-swap on the concurrency token: an edit that landed since the read wins.
            var written = await db.Profiles
                .Where(p => p.Id == row.Id && p.Version == row.Version)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(p => p.EmailIndex, emailIndex).SetProperty(p => p.LoginEmailIndex, loginEmailIndex).SetProperty(p => p.Version, row.Version + 1),
                    cancellationToken);
            (changed, conflicts) = written == 1 ? (changed + 1, conflicts) : (changed, conflicts + 1);
        }

        await transaction.CommitAsync(cancellationToken);
        return new KeyJobBatchResult(rows.Count, changed, conflicts, rows[^1].Id);
    }

    /// <summary>
    /// Drops the entries under an older key of invitations that can no longer be used (used or
    /// expired): no lookup consults them again, and an invitation stores no address to recompute
    /// its entry from. An open invitation keeps its entry, which binding matches under every loaded
    /// key, until it is used or expires; a later run drops it then. Idempotent.
    /// </summary>
    /// <exception cref="InvalidOperationException">No active blind-index key is loaded.</exception>
    public async Task<RetiredInvitationEntries> RetireInvitationEntriesAsync(CancellationToken cancellationToken)
    {
        var header = ActiveHeader();
        var stale = await db.Invitations.AsNoTracking()
            .Where(i => i.EmailIndex != null && CloudjetDbContext.Substr(i.EmailIndex, 1, BlindIndexFormat.KeyHeaderSize) != header)
            .Select(i => new { i.Id, i.UsedAt, i.ExpiresAt, i.CreatedAt })
            .ToListAsync(cancellationToken);

        // Compared here: SQLite stores these instants as text, which it cannot compare as times.
        var now = time.GetUtcNow();
        var closing = stale.Where(i => i.UsedAt is not null || i.ExpiresAt <= now).ToList();
        var closed = closing.Select(i => i.Id).ToList();
        if (closed.Count == 0)
        {
            return new RetiredInvitationEntries(0, stale.Count);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cleared = await db.Invitations.Where(i => closed.Contains(i.Id)).ExecuteUpdateAsync(set => set.SetProperty(i => i.EmailIndex, (byte[]?)null), cancellationToken);
        // A used one's invitee is a profile now, which its removal record will cover.
        await RemovalRecords.RecordAsync(db, StoredRecordKinds.Invitation, closing.Where(i => i.UsedAt is null).Select(i => (i.Id, i.CreatedAt)), now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RetiredInvitationEntries(cleared, stale.Count - closed.Count);
    }

    // Rows with an entry whose first bytes are not the active key's header: decided in the
    // database from the stored bytes, without computing anything over plaintext.
    private IQueryable<Profile> Pending()
    {
        var header = ActiveHeader();
        return db.Profiles.AsNoTracking().Where(p =>
            (p.EmailIndex != null && CloudjetDbContext.Substr(p.EmailIndex, 1, BlindIndexFormat.KeyHeaderSize) != header)
            || (p.LoginEmailIndex != null && CloudjetDbContext.Substr(p.LoginEmailIndex, 1, BlindIndexFormat.KeyHeaderSize) != header));
    }

    private byte[] ActiveHeader() => BlindIndexFormat.Header(ring.Active(DataKeyPurpose.BlindIndex).Id);

    private bool TryIndex(Profile row, out byte[]? emailIndex, out byte[]? loginEmailIndex)
    {
        try
        {
            emailIndex = IndexOf(BlindIndexColumn.ProfileEmail, sealer.Open(row, ProfileField.Email));
            loginEmailIndex = IndexOf(BlindIndexColumn.ProfileLoginEmail, sealer.Open(row, ProfileField.LoginEmail));
            return true;
        }
        catch (FieldIntegrityException)
        {
            LogProfileNotReindexed(logger, row.Id);
            (emailIndex, loginEmailIndex) = (null, null);
            return false;
        }
    }

    private byte[]? IndexOf(BlindIndexColumn column, string? email) => email is null ? null : blindIndex.ForEmail(column, email);

    [LoggerMessage(EventId = 1031, EventName = "ProfileNotReindexed", Level = LogLevel.Warning, Message = "Profile {ProfileId} was not reindexed: its email no longer opens (shredded or damaged), so its entries stay under their key.")]
    private static partial void LogProfileNotReindexed(ILogger logger, Guid profileId);
}
