using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Data.Engines;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Onboarding;
using CloudjetGraph.Core.ProfileRecords;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.Privacy;

/// <summary>
/// The mechanics of an erasure, in the order that makes it safe to run again after a crash at any
/// point: first the person keys are shredded (every copy of the ciphertext, backups included, is
/// unreadable from then on), then the profile rows, their blind-index entries and sealed password
/// hashes leave the live database (on SQLite its file and WAL at once; on PostgreSQL when VACUUM
/// reclaims the dead rows). A profile whose key is gone but whose row remains is finished by the next run.
/// </summary>
public sealed partial class ProfileRemoval(CloudjetDbContext db, PersonKeyShredder shredder, OwnerSecurityStamps securityStamps, TimeProvider time, ILogger<ProfileRemoval> logger)
{
    /// <summary>Erases these profiles; ids without a row are skipped.</summary>
    /// <returns>How many profile rows were removed.</returns>
    public async Task<int> EraseAsync(IReadOnlyCollection<Guid> profileIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        await shredder.ShredAsync(profileIds, cancellationToken);

        // From here on nothing of these people can be read, so the rest runs to its end: a request
        // cancelled now would leave rows for a rerun to finish, never a half-readable person.
        var engine = db.Database.Engine();
        await db.Database.OpenConnectionAsync(CancellationToken.None);
        try
        {
            await engine.PrepareErasureAsync(db.Database, CancellationToken.None);
            var removed = await RemoveRowsAsync(profileIds);

            // Their owners' tokens end here at once; other instances drop them within the stamps' cache time.
            foreach (var profileId in profileIds)
            {
                securityStamps.Forget(profileId);
            }

            // A reader in the middle of a transaction keeps the checkpoint from truncating the WAL (busy);
            // it is tried again for a while, then left to the next checkpoint, which says so in the log.
            if (!await SecureErasure.FlushWithRetriesAsync(db.Database))
            {
                LogCheckpointBusy(logger, SecureErasure.FlushAttempts);
            }

            LogRemoved(logger, removed);
            return removed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // The profile rows (sealed fields, password hash, blind indexes), the invitation each one used
    // (it holds the blind index of the email it was bound to) and open invitations bound to the same
    // address, in one transaction. The consent history stays: ids, versions and times only, and so
    // do the removal records: when each profile and bound invitation was stored, and until when.
    private async Task<int> RemoveRowsAsync(IReadOnlyCollection<Guid> profileIds)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var rows = await db.Profiles.AsNoTracking()
            .Where(p => profileIds.Contains(p.Id))
            .Select(p => new { p.Id, p.CreatedAt, p.EmailIndex, p.LoginEmailIndex })
            .ToListAsync(CancellationToken.None);

        // An invitee who signed up is one person from the invitation on: the profile's record starts there.
        var invitedAt = (await db.Invitations.AsNoTracking()
                .Where(i => i.UsedByProfileId != null && profileIds.Contains(i.UsedByProfileId.Value))
                .Select(i => new { ProfileId = i.UsedByProfileId!.Value, i.CreatedAt })
                .ToListAsync(CancellationToken.None))
            .ToLookup(i => i.ProfileId, i => i.CreatedAt);
        List<byte[]?> entries = [.. rows.SelectMany(i => new[] { i.EmailIndex, i.LoginEmailIndex }).Where(entry => entry is not null)];
        var invitations = db.Invitations
            .Where(i => (i.UsedByProfileId != null && profileIds.Contains(i.UsedByProfileId.Value)) || (i.UsedAt == null && entries.Contains(i.EmailIndex)));
        var boundInvitations = await invitations.Where(i => i.UsedAt == null && i.EmailIndex != null).Select(i => new { i.Id, i.CreatedAt }).ToListAsync(CancellationToken.None);
        await invitations.ExecuteDeleteAsync(CancellationToken.None);
        var removed = await db.Profiles.Where(p => profileIds.Contains(p.Id)).ExecuteDeleteAsync(CancellationToken.None);
        var now = time.GetUtcNow();
        await RemovalRecords.RecordAsync(db, StoredRecordKinds.Profile, rows.Select(r => (r.Id, invitedAt[r.Id].Append(r.CreatedAt).Min())), now, CancellationToken.None);
        await RemovalRecords.RecordAsync(db, StoredRecordKinds.Invitation, boundInvitations.Select(i => (i.Id, i.CreatedAt)), now, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return removed;
    }

    [LoggerMessage(EventId = 1501, EventName = "ProfilesRemoved", Level = LogLevel.Information, Message = "Erased {ProfileCount} profile row(s) after shredding their person keys.")]
    private static partial void LogRemoved(ILogger logger, int profileCount);

    [LoggerMessage(EventId = 1502, EventName = "ErasureCheckpointBusy", Level = LogLevel.Warning, Message = "The WAL could not be truncated after an erasure ({Attempts} attempts, readers busy); the erased pages leave it at the next checkpoint.")]
    private static partial void LogCheckpointBusy(ILogger logger, int attempts);
}
