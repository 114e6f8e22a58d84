using System.Globalization;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Data.Engines;
using CloudjetGraph.Core.Onboarding;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Retention;

/// <summary>
/// One retention run (Cli <c>retention run</c>, or a gateway's <see cref="RetentionTimer"/>): deletes
/// invitations expired unused for <see cref="RetentionOptions.ExpiredInvitationDays"/>, prunes the
/// anonymous refusals older than <see cref="RetentionOptions.AnonymousRefusalDays"/> under a
/// checkpoint, flushes the deleted rows out of the journal, and records itself as
/// <see cref="PrivacyOperationNames.RetentionRun"/> with the counts.
/// Safe to run from several instances at once: the prune takes the trail's lock, the deletions are idempotent.
/// </summary>
public sealed partial class RetentionRun(CloudjetDbContext db, AuditPruner trail, OperationLog log, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionRun> logger)
{
    /// <summary>Runs retention on behalf of <paramref name="actor"/> and records it, however it ends.</summary>
    /// <exception cref="AuditTrailUnavailableException">The database does not exist or is not migrated to this version; nothing was created.</exception>
    public async Task<RetentionResult> RunAsync(OperationActor actor, CancellationToken cancellationToken)
    {
        await AuditTrailUnavailableException.ThrowIfNotMigratedAsync(db.Database, cancellationToken);

        var settings = options.Value;
        var now = time.GetUtcNow();
        var target = string.Create(CultureInfo.InvariantCulture, $"invitations expired over {settings.ExpiredInvitationDays} days; anonymous refusals over {settings.AnonymousRefusalDays} days");
        return await log.RunAsync(
            actor,
            PrivacyOperationNames.RetentionRun,
            target,
            async token =>
            {
                var invitations = await ExpiredInvitations.PurgeAsync(db, now.AddDays(-settings.ExpiredInvitationDays), now, token);
                var pruned = await trail.PruneAsync(actor, now.AddDays(-settings.AnonymousRefusalDays), token);

                // The deleted rows' pages (an invitee's email index, a client address) are still in the
                // WAL as they were written: fold it in and truncate it, as an erasure does.
                if (invitations + pruned.Pruned > 0 && !await SecureErasure.FlushWithRetriesAsync(db.Database))
                {
                    LogFlushBusy(logger, SecureErasure.FlushAttempts);
                }

                return new RetentionResult(invitations, pruned.Pruned, pruned.Checkpoints);
            },
            result => new OperationSummary(
                target,
                string.Create(CultureInfo.InvariantCulture, $"invitations={result.Invitations}; refusals={result.Refusals}; checkpoints={(result.Checkpoints.Count == 0 ? "none" : string.Join(',', result.Checkpoints))}")),
            cancellationToken);
    }

    [LoggerMessage(EventId = 1603, EventName = "RetentionFlushBusy", Level = LogLevel.Warning, Message = "The WAL could not be truncated after retention deleted rows ({Attempts} attempts, readers busy); their pages leave it at the next checkpoint.")]
    private static partial void LogFlushBusy(ILogger logger, int attempts);
}
