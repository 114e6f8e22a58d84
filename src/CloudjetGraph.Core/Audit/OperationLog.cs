using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.Audit;

/// <summary>
/// Runs a recorded operation (a key custodian's or a privacy request's) and records it, however it ends, as an
/// <see cref="AuditEntryKinds.Operation"/> entry of the chained audit trail, waiting for the commit. The detail of a refusal is the
/// refusal's own message (written by the gateway's code from ids, counts and setting names); a
/// failure records a fixed sentence, never an exception's text, which a library may have filled.
/// </summary>
public sealed partial class OperationLog(CloudjetDbContext db, IAuditSink trail, ILogger<OperationLog> logger)
{
    private static readonly Dictionary<Guid, string> EmptyProfiles = [];

    private const string FailureDetail = "The operation broke off on an unexpected error; the log of the gateway or the tool says why.";

    /// <summary>
    /// Runs <paramref name="work"/> and records it as <paramref name="operation"/> by
    /// <paramref name="actor"/> on <paramref name="target"/>: succeeded with
    /// <paramref name="summarize"/>'s target and detail, refused on a <see cref="DomainException"/>
    /// or <see cref="KeyRingUnavailableException"/>, failed on anything else. The exception is
    /// rethrown unchanged; the record is written even when the caller's token was cancelled.
    /// </summary>
    public async Task<T> RunAsync<T>(
        OperationActor actor,
        string operation,
        string target,
        Func<CancellationToken, Task<T>> work,
        Func<T, OperationSummary> summarize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(summarize);
        T result;
        try
        {
            result = await work(cancellationToken);
        }
        catch (Exception refusal) when (refusal is DomainException or KeyRingUnavailableException)
        {
            await RecordAsync(actor, operation, target, OperationOutcomes.Refused, refusal.Message);
            throw;
        }
        catch (Exception)
        {
            await RecordAsync(actor, operation, target, OperationOutcomes.Failed, FailureDetail);
            throw;
        }

        var summary = summarize(result);
        await RecordAsync(actor, operation, summary.Target, OperationOutcomes.Succeeded, summary.Detail);
        return result;
    }

    /// <summary>
    /// Records that <paramref name="actor"/> was refused <paramref name="operation"/> before it
    /// started: the access policy's refusal, for operations whose refusals are part of their record.
    /// </summary>
    public Task RecordRefusalAsync(OperationActor actor, string operation, string target, string detail) =>
        RecordAsync(actor, operation, target, OperationOutcomes.Refused, detail);

    /// <summary>
    /// The recorded key custodian operations, newest first, <paramref name="first"/> at a time, older
    /// than entry <paramref name="before"/> when given. Privacy operations, releases and denials are
    /// not the key custodians' to see.
    /// </summary>
    public async Task<OperationPage> PageAsync(int first, long? before, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(first, 1);
        var older = before is { } cursor ? CustodianOperations.Where(o => o.Sequence < cursor) : CustodianOperations;
        var rows = await older.OrderByDescending(o => o.Sequence).Take(first + 1).ToListAsync(cancellationToken);
        var newerExist = before is { } bound && await CustodianOperations.AnyAsync(o => o.Sequence >= bound, cancellationToken);
        return new OperationPage(rows.Take(first).ToList(), HasNextPage: rows.Count > first, HasPreviousPage: newerExist, await CustodianOperations.CountAsync(cancellationToken));
    }

    /// <summary>
    /// A page backward: the <paramref name="last"/> operations just newer than entry
    /// <paramref name="newerThan"/> (the newest when null), still newest first.
    /// </summary>
    public async Task<OperationPage> PageNewerAsync(int last, long? newerThan, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(last, 1);
        var newer = newerThan is { } cursor ? CustodianOperations.Where(o => o.Sequence > cursor) : CustodianOperations;
        var rows = await newer.OrderBy(o => o.Sequence).Take(last + 1).ToListAsync(cancellationToken);
        var olderExist = newerThan is { } bound && await CustodianOperations.AnyAsync(o => o.Sequence <= bound, cancellationToken);
        var nodes = rows.Take(last).Reverse().ToList();
        return new OperationPage(nodes, HasNextPage: olderExist, HasPreviousPage: rows.Count > last, await CustodianOperations.CountAsync(cancellationToken));
    }

    private IQueryable<AuditEntry> CustodianOperations =>
        db.AuditEntries.AsNoTracking().Where(e => e.Kind == AuditEntryKinds.Operation && e.Operation.StartsWith(CustodianOperationNames.Prefix));

    // Never with the caller's token: a cancelled operation is still an operation to record.
    private async Task RecordAsync(OperationActor actor, string operation, string target, string outcome, string detail)
    {
        // A refusal before any database exists (the Cli pointed at an empty folder) has nowhere to
        // go: recording it would create the database the refusal protected. Same for a database
        // this version has not migrated yet.
        if (!await DatabaseSchema.IsCurrentAsync(db.Database, CancellationToken.None))
        {
            LogNotRecorded(logger, operation, outcome);
            return;
        }

        await trail.AppendAsync([new AuditEntryDraft(AuditEntryKinds.Operation, actor, operation, target, outcome, detail, EmptyProfiles)], CancellationToken.None);
        LogRecorded(logger, operation, outcome);
    }

    [LoggerMessage(EventId = 1061, EventName = "CustodianOperationRecorded", Level = LogLevel.Information, Message = "Recorded operation {Operation} {Outcome} in the audit trail.")]
    private static partial void LogRecorded(ILogger logger, string operation, string outcome);

    [LoggerMessage(EventId = 1062, EventName = "CustodianOperationNotRecorded", Level = LogLevel.Warning, Message = "Custodian operation {Operation} ({Outcome}) was not recorded: the database does not exist or is not migrated to this version.")]
    private static partial void LogNotRecorded(ILogger logger, string operation, string outcome);
}
