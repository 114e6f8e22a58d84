using System.Globalization;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.KeyRing;

/// <summary>
/// Writes the attempts gathered by <see cref="DisabledKeyUses"/>: one refused operation entry per
/// key in the audit trail (ids, counts and times, never a value), and the latest attempt on the key's
/// row, where the destruction guard reads it.
/// </summary>
internal sealed class DisabledKeyUseRecorder(CloudjetDbContext db, DisabledKeyUses uses, IAuditSink trail)
{
    private static readonly Dictionary<Guid, string> NoProfiles = [];

    /// <summary>Records what was gathered since the last call; returns how many keys had attempts.</summary>
    public async Task<int> RecordAsync(CancellationToken cancellationToken)
    {
        var tallies = uses.Drain();
        if (tallies.Count == 0)
        {
            return 0;
        }

        var actor = OperationActor.Gateway();
        await trail.AppendAsync(
            [.. tallies.Select(t => new AuditEntryDraft(
                AuditEntryKinds.Operation,
                actor,
                CustodianOperationNames.DisabledKeyUse,
                $"{DataKeyPurposeLabels.Of(t.Key.Purpose)} key {t.Key.Id}",
                OperationOutcomes.Refused,
                $"{t.Count.ToString(CultureInfo.InvariantCulture)} value(s) not opened under it (KEY_DISABLED) between {Format(t.First)} and {Format(t.Last)}.",
                NoProfiles))],
            cancellationToken);

        foreach (var tally in tallies)
        {
            await MoveLastUseForwardAsync(tally.Key.Id, tally.Last, cancellationToken);
        }

        return tallies.Count;
    }

    // Several instances write this column: it only moves forward, by compare-and-swap on the value
    // read, so an instance with older attempts never hides a newer one from the destruction guard.
    private async Task MoveLastUseForwardAsync(Guid id, DateTimeOffset last, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await db.DataKeys.AsNoTracking().Where(k => k.Id == id).Select(k => k.LastUseRecordedAt).SingleOrDefaultAsync(cancellationToken);
            if (current >= last)
            {
                return;
            }

            var updated = await db.DataKeys.Where(k => k.Id == id && k.LastUseRecordedAt == current)
                .ExecuteUpdateAsync(setters => setters.SetProperty(k => k.LastUseRecordedAt, last), cancellationToken);
            if (updated == 1)
            {
                return;
            }
        }
    }

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
