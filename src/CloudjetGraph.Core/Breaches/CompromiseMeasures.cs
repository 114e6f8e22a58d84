using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Breaches;

/// <summary>
/// The measures a compromise report can show from the trail: the key operations that succeeded from
/// the window's start on and change what stolen copies open (new keys, re-wrapped or re-sealed rows,
/// revoked, disabled or destroyed keys). Inits, signatures and cancellations change nothing stolen.
/// </summary>
internal static class CompromiseMeasures
{
    private static readonly string[] Measures =
    [
        CustodianOperationNames.RotateMaster,
        CustodianOperationNames.RewrapDataKeys,
        CustodianOperationNames.RevokeMaster,
        CustodianOperationNames.RotateData,
        CustodianOperationNames.Rewrap,
        CustodianOperationNames.Rekey,
        CustodianOperationNames.Reindex,
        CustodianOperationNames.Disable,
        CustodianOperationNames.ScheduleDestroy,
        CustodianOperationNames.DestroyData,
    ];

    /// <summary>The measures recorded at or after <paramref name="from"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<CompromiseMeasure>> SinceAsync(CloudjetDbContext db, DateTimeOffset from, CancellationToken cancellationToken) =>
        await db.AuditEntries.AsNoTracking()
            .Where(e => e.Kind == AuditEntryKinds.Operation && e.Outcome == OperationOutcomes.Succeeded && Measures.Contains(e.Operation) && e.At >= from)
            .OrderBy(e => e.Sequence)
            .Select(e => new CompromiseMeasure(e.At, e.Operation, e.Target, e.Detail))
            .ToListAsync(cancellationToken);
}
