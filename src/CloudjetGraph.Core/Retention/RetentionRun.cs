using System.Globalization;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Onboarding;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Retention;

/// <summary>
/// One retention run (Cli <c>retention run</c>, or a gateway's <see cref="RetentionTimer"/>): deletes
/// invitations expired unused for <see cref="RetentionOptions.ExpiredInvitationDays"/>, prunes the
/// anonymous refusals older than <see cref="RetentionOptions.AnonymousRefusalDays"/> under a
/// checkpoint, and records itself as <see cref="PrivacyOperationNames.RetentionRun"/> with the counts.
/// Safe to run from several instances at once: the prune takes the trail's lock, the deletions are idempotent.
/// </summary>
public sealed class RetentionRun(CloudjetDbContext db, AuditPruner trail, OperationLog log, IOptions<RetentionOptions> options, TimeProvider time)
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
                return new RetentionResult(invitations, pruned.Pruned, pruned.Checkpoints);
            },
            result => new OperationSummary(
                target,
                string.Create(CultureInfo.InvariantCulture, $"invitations={result.Invitations}; refusals={result.Refusals}; checkpoints={(result.Checkpoints.Count == 0 ? "none" : string.Join(',', result.Checkpoints))}")),
            cancellationToken);
    }
}
