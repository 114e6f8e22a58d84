using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Onboarding;
using CloudjetGraph.Core.Privacy;
using CloudjetGraph.Core.ProfileRecords;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Breaches;

/// <summary>
/// Every person the stores hold or held, with the span they were held for. Profiles: a profile row or
/// a person key now; a removal record (<see cref="StoredRecordRemoval"/>) for one erased since those
/// are kept; for one erased before, only the consent history knows it, and it counts as stored until
/// now, since when it left is not known. Invitees: an unused invitation bound to an email's blind
/// index, or its removal record; an invitee who signed up is their profile, from the invitation on.
/// Read whole and compared in memory: SQLite stores these instants as text, which it cannot compare as times.
/// </summary>
internal sealed class StoredRecords(CloudjetDbContext db, KeyStoreDbContext keyStore)
{
    public async Task<IReadOnlyList<CompromisedRecord>> ReadAsync(CancellationToken cancellationToken)
    {
        var removals = await db.StoredRecordRemovals.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var invitations = await db.Invitations.AsNoTracking()
            .Select(i => new { i.Id, i.CreatedAt, i.CreatedBy, Bound = i.EmailIndex != null, i.UsedByProfileId })
            .ToListAsync(cancellationToken);
        var profiles = await ProfilesAsync(removals, cancellationToken);
        foreach (var invitation in invitations.Where(i => i.UsedByProfileId is { } id && profiles.ContainsKey(id)))
        {
            var profile = profiles[invitation.UsedByProfileId!.Value];
            profiles[profile.Id] = profile with { StoredSince = Earliest(profile.StoredSince, invitation.CreatedAt) };
        }

        Dictionary<Guid, CompromisedRecord> invitees = [];
        foreach (var removal in removals.Where(r => r.Kind == StoredRecordKinds.Invitation))
        {
            invitees[removal.RecordId] = new(removal.RecordId, StoredRecordKinds.Invitation, removal.StoredSince, StoredRecordStates.Removed, removal.RemovedAt, null);
        }

        foreach (var invitation in invitations.Where(i => i.UsedByProfileId is null))
        {
            if (invitation.Bound)
            {
                invitees[invitation.Id] = new(invitation.Id, StoredRecordKinds.Invitation, invitation.CreatedAt, StoredRecordStates.Stored, null, invitation.CreatedBy);
            }
            else if (invitees.TryGetValue(invitation.Id, out var cleared))
            {
                invitees[invitation.Id] = cleared with { IssuedBy = invitation.CreatedBy };
            }
        }

        return [.. profiles.Values.OrderBy(p => p.Id), .. invitees.Values.OrderBy(i => i.Id)];
    }

    private async Task<Dictionary<Guid, CompromisedRecord>> ProfilesAsync(List<StoredRecordRemoval> removals, CancellationToken cancellationToken)
    {
        var rows = await db.Profiles.AsNoTracking().Select(p => new { p.Id, p.CreatedAt }).ToListAsync(cancellationToken);
        var keys = await keyStore.PersonKeys.AsNoTracking().Select(k => new { k.ProfileId, k.CreatedAt }).ToListAsync(cancellationToken);
        var consents = await db.ConsentEvents.AsNoTracking().Select(e => new { e.ProfileId, e.At }).ToListAsync(cancellationToken);

        Dictionary<Guid, CompromisedRecord> profiles = [];
        foreach (var (id, createdAt) in rows.Select(r => (r.Id, r.CreatedAt)).Concat(keys.Select(k => (k.ProfileId, k.CreatedAt))))
        {
            profiles[id] = new(id, StoredRecordKinds.Profile, profiles.TryGetValue(id, out var seen) ? Earliest(seen.StoredSince, createdAt) : createdAt, StoredRecordStates.Stored, null, null);
        }

        // A row or key still there outweighs a removal record: the data is stored now. Later records win.
        var stored = profiles.Keys.ToHashSet();
        foreach (var removal in removals.Where(r => r.Kind == StoredRecordKinds.Profile && !stored.Contains(r.RecordId)))
        {
            profiles[removal.RecordId] = new(removal.RecordId, StoredRecordKinds.Profile, removal.StoredSince, StoredRecordStates.Removed, removal.RemovedAt, null);
        }

        foreach (var history in consents.GroupBy(c => c.ProfileId).Where(h => !profiles.ContainsKey(h.Key)))
        {
            profiles[history.Key] = new(history.Key, StoredRecordKinds.Profile, history.Min(c => c.At), StoredRecordStates.RemovedUnrecorded, null, null);
        }

        return profiles;
    }

    private static DateTimeOffset Earliest(DateTimeOffset one, DateTimeOffset other) => one <= other ? one : other;
}
