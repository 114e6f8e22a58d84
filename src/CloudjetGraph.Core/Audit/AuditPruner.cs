using System.Globalization;
using System.Linq.Expressions;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Data.Engines;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Audit;

/// <summary>
/// Removes the denial entries of anonymous callers (which name a client address) recorded before a
/// cut-off, and nothing else: releases, operations, and any entry of a signed-in caller stay for
/// good. Each batch deletes its entries and their profile rows, keeps each one's sequence number and
/// link (<see cref="AuditPrunedEntry"/>), and appends a <see cref="AuditEntryKinds.Checkpoint"/>
/// entry over them, sealed with a key the database does not hold (<see cref="AuditCheckpointSeal"/>),
/// all in one transaction under the trail's lock: two gateways or a gateway and the Cli pruning at
/// once take turns, and the second finds nothing left to prune.
/// </summary>
public sealed class AuditPruner(CloudjetDbContext db, AuditCheckpointSeal seal, TimeProvider time)
{
    /// <summary>Most entries pruned per transaction (and per checkpoint), so appenders never wait long on the lock.</summary>
    public const int BatchSize = 2000;

    /// <summary>Prunes every anonymous denial entry recorded before <paramref name="before"/>, batch after batch, on behalf of <paramref name="actor"/>.</summary>
    /// <returns>How many entries were pruned, and the checkpoint entries that attest them.</returns>
    internal async Task<AuditPruneResult> PruneAsync(OperationActor actor, DateTimeOffset before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var pruned = 0;
        List<long> checkpoints = [];
        if (!await db.AuditEntries.AnyAsync(Prunable(before), cancellationToken))
        {
            return new AuditPruneResult(pruned, checkpoints);
        }

        // Only now: a run with nothing to prune needs no key (a Cli on a database without data keys yet).
        await seal.EnsureKeysAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested && await PruneBatchAsync(actor, before) is { } batch)
        {
            pruned += batch.Count;
            checkpoints.Add(batch.Checkpoint);
            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        return new AuditPruneResult(pruned, checkpoints);
    }

    // Never with the caller's token: a batch either commits whole, checkpoint included, or not at all.
    private async Task<(int Count, long Checkpoint)?> PruneBatchAsync(OperationActor actor, DateTimeOffset before)
    {
        var engine = db.Database.Engine();
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);

        // The entries name client addresses: overwrite their bytes where the engine can.
        await engine.PrepareErasureAsync(db.Database, CancellationToken.None);
        await engine.LockAuditTrailAsync(db.Database, CancellationToken.None);
        var head = await AuditChainAppender.HeadAsync(db);
        var victims = await db.AuditEntries.AsNoTracking()
            .Where(Prunable(before))
            .OrderBy(e => e.Sequence)
            .Take(BatchSize)
            .Select(e => new { e.Sequence, e.Link })
            .ToListAsync(CancellationToken.None);
        if (victims.Count == 0)
        {
            return null;
        }

        var checkpoint = head.Sequence + 1;
        List<AuditPrunedEntry> pruned = [.. victims.Select(v => new AuditPrunedEntry { Sequence = v.Sequence, Link = v.Link!, CheckpointSequence = checkpoint })];
        var sequences = victims.Select(v => v.Sequence).ToList();
        await db.AuditEntryProfiles.Where(p => sequences.Contains(p.EntrySequence)).ExecuteDeleteAsync(CancellationToken.None);
        await db.AuditEntries.Where(e => sequences.Contains(e.Sequence)).ExecuteDeleteAsync(CancellationToken.None);
        await RowInserts.InsertAsync(db, pruned, CancellationToken.None);
        var target = string.Create(CultureInfo.InvariantCulture, $"entries {sequences[0]}..{sequences[^1]}");
        var draft = new AuditEntryDraft(
            AuditEntryKinds.Checkpoint,
            actor,
            PrivacyOperationNames.PruneRefusals,
            target,
            OperationOutcomes.Succeeded,
            seal.Seal(checkpoint, head.Link, target, AuditCheckpointFormat.Detail(pruned.Count, before, AuditCheckpointFormat.Digest(pruned))),
            new Dictionary<Guid, string>());
        await AuditChainAppender.AppendAsync(db, head, [draft], time.GetUtcNow());
        await transaction.CommitAsync(CancellationToken.None);
        return (pruned.Count, checkpoint);
    }

    // Anonymous callers' denials before the cut-off, and nothing else.
    private static Expression<Func<AuditEntry, bool>> Prunable(DateTimeOffset before)
    {
        var anonymous = Role.Anonymous.Name;
        return e => e.Kind == AuditEntryKinds.Denial && e.ActorRole == anonymous && e.At < before && e.Link != null;
    }
}
